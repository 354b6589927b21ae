import type { Matcher } from '../match/matcher';
import { scanText } from '../match/scan';
import type { DefinitionEntry } from './types';

/**
 * The serials of the entries an entry's definition and notes name, in order of first occurrence, each once, the
 * entry itself left out: the same matcher that annotates pages reads the set's own text.
 */
export function findRelatedSerials(entry: DefinitionEntry, matcher: Matcher): number[] {
  const serials = new Set<number>();
  for (const paragraph of [...entry.definition, ...entry.notes])
    for (const match of scanText(matcher, paragraph))
      if (match.serial !== entry.serial) serials.add(match.serial);
  return [...serials];
}
