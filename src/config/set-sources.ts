import type { DefinitionEntry, DefinitionSet } from '../definitions/types';

interface SetSources {
  /** The sets a combination was made of, in order of precedence. */
  readonly parts: WeakMap<DefinitionSet, readonly DefinitionSet[]>;
  /** The set each entry of a combination came from. */
  readonly sources: WeakMap<DefinitionEntry, DefinitionSet>;
}

// On the global object: the drop-in's sets stage combines, its card stage and the glossary script read.
const SOURCES_KEY = Symbol.for('dszd-term.set-sources');

/** Where combinations record their parts (see combineSets). */
export function getSetSources(): SetSources {
  const holder = globalThis as unknown as Record<symbol, SetSources | undefined>;
  return (holder[SOURCES_KEY] ??= { parts: new WeakMap(), sources: new WeakMap() });
}

/** The sets `set` was combined from, in order of precedence; `[set]` for a set of its own. */
export function listSetParts(set: DefinitionSet): readonly DefinitionSet[] {
  return getSetSources().parts.get(set) ?? [set];
}

/** The set an entry of `set` comes from (its title, version, issuer and date make the entry's source line). */
export function findEntrySource(entry: DefinitionEntry, set: DefinitionSet): DefinitionSet {
  const { parts, sources } = getSetSources();
  return parts.has(set) ? (sources.get(entry) ?? set) : set;
}
