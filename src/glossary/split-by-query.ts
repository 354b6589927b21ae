import { normalizeKey, normalizeWithOffsets } from '../text/normalize';

/** A stretch of a text, and whether it is part of a query hit. */
export interface TextSegment {
  text: string;
  hit: boolean;
}

/**
 * Cuts a text into segments so the stretches that match the query (quotes, white space, width and case ignored, as
 * in searchEntries) can be marked. The segments join back to the text; without a hit there is one segment.
 */
export function splitByQuery(text: string, query: string): TextSegment[] {
  const key = normalizeKey(query);
  if (!key) return [{ text, hit: false }];
  const { key: folded, offsets: origin } = normalizeWithOffsets(text);
  const segments: TextSegment[] = [];
  let done = 0;
  for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + key.length)) {
    const start = origin[at]!;
    const end = origin[at + key.length - 1]! + 1;
    if (start > done) segments.push({ text: text.slice(done, start), hit: false });
    segments.push({ text: text.slice(start, end), hit: true });
    done = end;
  }
  if (done < text.length || !segments.length) segments.push({ text: text.slice(done), hit: false });
  return segments;
}
