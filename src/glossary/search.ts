import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { normalizeKey } from '../text/normalize';

/**
 * One searchable string per entry: the normalized keys of term, aliases, definition, notes and unit joined by a
 * line break. normalizeKey drops line breaks, so a query key never contains one and never matches across fields.
 */
const haystacks = new WeakMap<DefinitionSet, readonly string[]>();

function getHaystacks(set: DefinitionSet): readonly string[] {
  let keys = haystacks.get(set);
  if (!keys) {
    keys = set.entries.map((entry) =>
      [entry.term, ...entry.aliases, ...entry.definition, ...entry.notes, entry.unit]
        .map(normalizeKey)
        .join('\n'),
    );
    haystacks.set(set, keys);
  }
  return keys;
}

/**
 * The entries of a set whose term, aliases, definition, notes or unit contain the query, in serial order. Quote
 * marks and white space are ignored, full-width ASCII and Latin case folded, as the matcher does. A query with
 * nothing left after that (empty, spaces, quotes only) returns every entry.
 */
export function searchEntries(set: DefinitionSet, query: string): DefinitionEntry[] {
  const key = normalizeKey(query);
  if (!key) return [...set.entries];
  const keys = getHaystacks(set);
  return set.entries.filter((_, index) => keys[index]!.includes(key));
}
