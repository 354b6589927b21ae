import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { getMatcher } from './matcher';
import { normalizeKey } from '../text/normalize';
import { selectOccurrences, type Occurrence } from './occurrence';
import { scanText, type TermMatch } from './scan';

export { getMatcher, type Matcher } from './matcher';
export type { TermMatch } from './scan';

export interface FindTermsOptions {
  /**
   * The compiled definition set to look for.
   * @default the shipped 数字社会定义集（6.0版）
   */
  set?: DefinitionSet | undefined;
  /**
   * `"all"`: every occurrence; `"first"`: the first occurrence of each entry only.
   * @default "all"
   */
  occurrence?: Occurrence | undefined;
}

/**
 * Finds the terms of a definition set in a text: quote marks and white space ignored, full-width and case folded,
 * leftmost then longest, never overlapping, offsets into the original text. One pass over the text.
 */
export function findTerms(text: string, options: FindTermsOptions = {}): TermMatch[] {
  const matches = scanText(getMatcher(options.set), text);
  return options.occurrence === 'first' ? selectOccurrences(matches, 'first') : matches;
}

/** The entry a name (term or alias, any spelling the matcher accepts) stands for, if any. */
export function findEntry(name: string, set?: DefinitionSet): DefinitionEntry | undefined {
  return getMatcher(set).byKey.get(normalizeKey(name));
}

/** The entry with a serial number, if the set has one (a map built once with the set's matcher). */
export function findEntryBySerial(serial: number, set?: DefinitionSet): DefinitionEntry | undefined {
  return getMatcher(set).bySerial.get(serial);
}
