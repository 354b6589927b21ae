import type { DefinitionSet } from '../definitions/types';
import { CLASS_OTHER } from './automaton';
import { findTerms, getMatcher, type TermMatch } from './find-terms';

/** Characters scanned per step: a few milliseconds of the matcher, even on a slow phone. */
export const SCANNED_PER_STEP = 1 << 16;

/**
 * `findTerms(text, { set })` ("all") in steps of about `perStep` characters, yielding between them, so a huge text (a
 * 20 MB text node) is planned without one long task. The text is cut only right after a character no term contains
 * and that is not ignorable inside one (white space, quotes): no match spans such a character, none is widened over
 * it, and the matcher starts afresh after it, so the parts' matches together are exactly the whole text's. A step
 * scans `perStep` characters and on to the next such character (a text without one is scanned in one piece).
 * `beforeYield` is called before each yield.
 */
export function* findTermsInSlices(
  text: string,
  set: DefinitionSet | undefined,
  perStep = SCANNED_PER_STEP,
  beforeYield?: () => void,
): Generator<void, TermMatch[], undefined> {
  if (text.length <= perStep) return findTerms(text, { set });
  const { classOf } = getMatcher(set).automaton;
  const matches: TermMatch[] = [];
  for (let start = 0; start < text.length;) {
    const end = findScanCut(text, start, perStep, classOf);
    // fresh objects of this scan: moved to the whole text's offsets in place
    for (const match of findTerms(text.slice(start, end), { set })) {
      match.start += start;
      match.end += start;
      matches.push(match);
    }
    start = end;
    if (start < text.length) {
      beforeYield?.();
      yield;
    }
  }
  return matches;
}

/**
 * Where the step scanning from `start` ends: `perStep` characters on, then on to just past the next character of class
 * CLASS_OTHER in `classOf` (the matcher's classes), or the end of the text.
 */
export function findScanCut(
  text: string,
  start: number,
  perStep: number,
  classOf: ArrayLike<number>,
): number {
  let end = Math.min(text.length, start + perStep);
  while (end < text.length && classOf[text.charCodeAt(end - 1)] !== CLASS_OTHER) end++;
  return end;
}
