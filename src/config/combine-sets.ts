import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { getSetSources } from './set-sources';

/**
 * One set made of several, for the matcher, the card and the glossary (which read its parts with set-sources.ts). Precedence is the order of `sets`: a name
 * defined in two sets stands for the first set's entry (the matcher keeps the first entry it is given for a name).
 *
 * Serials must be unique in a set (matches, first occurrences, related terms and glossary anchors go by serial).
 * `keep` (the shipped set, wherever it stands in the order) keeps its own serials and its entry objects, so links
 * to its glossary entries stay valid and the drop-in's card stage can still fill in its texts; the other sets follow
 * in order, each numbered on from the highest serial before it (their `related` serials moved along).
 */
export function combineSets(sets: readonly DefinitionSet[], keep?: DefinitionSet): DefinitionSet {
  if (sets.length === 1) return sets[0]!;
  const { parts, sources } = getSetSources();
  const numbered = keep && sets.includes(keep) ? [keep, ...sets.filter((set) => set !== keep)] : sets;
  const renumbered = new Map<DefinitionSet, DefinitionEntry[]>();
  let offset = 0;
  for (const set of numbered) {
    const shift = offset;
    const entries =
      set === keep
        ? set.entries
        : set.entries.map((entry) => ({
            ...entry,
            serial: entry.serial + shift,
            ...(entry.related ? { related: entry.related.map((serial) => serial + shift) } : {}),
          }));
    entries.forEach((entry) => sources.set(entry, set));
    renumbered.set(set, entries);
    for (const entry of entries) offset = Math.max(offset, entry.serial);
  }
  const [first] = sets;
  const exclusions = [...new Set(sets.flatMap((set) => set.exclusions ?? []))];
  const combined: DefinitionSet = {
    title: first?.title ?? '',
    version: first?.version ?? '',
    issuer: first?.issuer ?? '',
    date: first?.date ?? '',
    entries: sets.flatMap((set) => renumbered.get(set)!),
    ...(exclusions.length ? { exclusions } : {}),
  };
  parts.set(combined, sets);
  return combined;
}
