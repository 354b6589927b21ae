import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { findEntry, findEntryBySerial, findTerms } from './find-terms';

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The entry a `<dszd-term>` stands for: its `term` attribute (any spelling the matcher accepts), or else its text
 * when that text is essentially one term (one match, nothing but punctuation and white space around it).
 */
export function resolveEntry(
  name: string | null | undefined,
  text: string,
  set: DefinitionSet,
): DefinitionEntry | undefined {
  if (name?.trim()) return findEntry(name, set);
  const matches = findTerms(text, { set });
  if (matches.length !== 1) return undefined;
  const [match] = matches as [(typeof matches)[number]];
  const rest = text.slice(0, match.start) + text.slice(match.end);
  if (WORD_CHARACTER.test(rest)) return undefined;
  return findEntryBySerial(match.serial, set);
}
