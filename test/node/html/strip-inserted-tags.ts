import type { Insertion } from '../../../src/html/splice';

/**
 * Removes exactly the tags annotateHtml inserted, found by their offsets (never by a pattern, which would also
 * remove `<dszd-term>` markup that was already in the input). Throws if an insertion is not where it should be.
 */
export function stripInsertedTags(output: string, insertions: readonly Insertion[]): string {
  let result = '';
  let at = 0; // position in the output
  let shift = 0; // characters inserted before `at`
  for (const { offset, text } of insertions) {
    const position = offset + shift;
    result += output.slice(at, position);
    if (output.slice(position, position + text.length) !== text)
      throw new Error(`insertion ${JSON.stringify(text)} not found at output offset ${position}`);
    at = position + text.length;
    shift += text.length;
  }
  return result + output.slice(at);
}
