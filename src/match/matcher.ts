import { definitionSet as shippedSet } from '../definitions/definition-set.generated';
import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { buildAutomaton, type Automaton, type Pattern } from './automaton';
import { normalizeKey } from '../text/normalize';

/** A compiled set ready to scan: its automaton and the entry each pattern stands for. */
export interface Matcher {
  readonly set: DefinitionSet;
  readonly automaton: Automaton;
  /** Pattern value → entry; exclusion phrases have value -1. */
  readonly entries: readonly DefinitionEntry[];
  /** normalizeKey(term or alias) → entry. */
  readonly byKey: ReadonlyMap<string, DefinitionEntry>;
  /** serial → entry (the first one, should a hand-made set repeat a serial). */
  readonly bySerial: ReadonlyMap<number, DefinitionEntry>;
}

const matchers = new WeakMap<DefinitionSet, Matcher>();

/** The matcher of a set, built on first use and cached for the life of the set object. */
export function getMatcher(set: DefinitionSet = shippedSet): Matcher {
  let matcher = matchers.get(set);
  if (!matcher) {
    matcher = buildMatcher(set);
    matchers.set(set, matcher);
  }
  return matcher;
}

/** A fresh, uncached matcher; `denseCap` as in buildAutomaton (tests lower it to exercise the sparse automaton). */
export function buildMatcher(set: DefinitionSet, denseCap?: number): Matcher {
  const patterns: Pattern[] = [];
  const byKey = new Map<string, DefinitionEntry>();
  const bySerial = new Map<number, DefinitionEntry>();
  set.entries.forEach((entry, index) => {
    if (!bySerial.has(entry.serial)) bySerial.set(entry.serial, entry);
    for (const name of [entry.term, ...entry.aliases]) {
      const key = normalizeKey(name);
      if (!key || byKey.has(key)) continue;
      byKey.set(key, entry);
      patterns.push({ key, value: index });
    }
  });
  // A name wins over an exclusion phrase spelt the same: the compiler rejects that set, a hand-made one may not.
  for (const phrase of set.exclusions ?? []) {
    const key = normalizeKey(phrase);
    if (key && !byKey.has(key)) patterns.push({ key, value: -1 });
  }
  return { set, automaton: buildAutomaton(patterns, denseCap), entries: set.entries, byKey, bySerial };
}
