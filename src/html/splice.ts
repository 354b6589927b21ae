import type { InsertionList } from './insertion-list';

/** Text to insert into the source at an offset of the original string. */
export interface Insertion {
  /** UTF-16 offset into the input where `text` goes. */
  offset: number;
  text: string;
}

/** Inserts each tag of the list at its offset (sorted; equal offsets keep their order) into `source` in one pass. */
export function applyInsertions(source: string, insertions: InsertionList): string {
  if (!insertions.length) return source;
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < insertions.length; i++) {
    const offset = insertions.offsetAt(i);
    parts.push(source.slice(last, offset), insertions.textAt(i));
    last = offset;
  }
  parts.push(source.slice(last));
  return parts.join('');
}
