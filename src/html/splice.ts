/** Text to insert into the source at an offset of the original string. */
export interface Insertion {
  /** UTF-16 offset into the input where `text` goes. */
  offset: number;
  text: string;
}

/**
 * Inserts `texts[i]` at `offsets[i]` (sorted; equal offsets keep their order) into `source` in one pass.
 */
export function applyInsertions(
  source: string,
  offsets: readonly number[],
  texts: readonly string[],
): string {
  if (!offsets.length) return source;
  const parts: string[] = [];
  let last = 0;
  offsets.forEach((offset, i) => {
    parts.push(source.slice(last, offset), texts[i]!);
    last = offset;
  });
  parts.push(source.slice(last));
  return parts.join('');
}
