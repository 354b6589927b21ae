/** Text to insert into the source at an offset of the original string. */
export interface Insertion {
  /** UTF-16 offset into the input where `text` goes. */
  offset: number;
  text: string;
}

/** Inserts every insertion (sorted by offset; equal offsets keep their order) into `source` in one pass. */
export function applyInsertions(source: string, insertions: readonly Insertion[]): string {
  if (!insertions.length) return source;
  const parts: string[] = [];
  let last = 0;
  for (const { offset, text } of insertions) {
    parts.push(source.slice(last, offset), text);
    last = offset;
  }
  parts.push(source.slice(last));
  return parts.join('');
}
