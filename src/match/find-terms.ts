import { definitionSet as shippedSet } from '../definitions/definition-set.generated';
import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { buildAutomaton, CLASS_IGNORABLE, type Automaton, type Pattern } from './automaton';
import { normalizeKey, QUOTE_PAIRS } from './normalize';
import { selectOccurrences, type Occurrence } from './occurrence';

/** A term found in a text. */
export interface TermMatch {
  /** UTF-16 offset of the first character of the match in the original text. */
  start: number;
  /** UTF-16 offset just past the match (exclusive). */
  end: number;
  /** The entry's official term as printed (養老大脑+智慧养老 also when the text says 智慧养老). */
  term: string;
  /** The entry's serial number. */
  serial: number;
}

export interface FindTermsOptions {
  /**
   * The compiled definition set to look for.
   * @default the shipped 数字社会定义集（6.0版）
   */
  set?: DefinitionSet;
  /**
   * `"all"`: every occurrence; `"first"`: the first occurrence of each entry only.
   * @default "all"
   */
  occurrence?: Occurrence;
}

/** A compiled set ready to scan: its automaton and the entry each pattern stands for. */
export interface Matcher {
  readonly set: DefinitionSet;
  readonly automaton: Automaton;
  /** Pattern value → entry; exclusion phrases have value -1. */
  readonly entries: readonly DefinitionEntry[];
  /** normalizeKey(term or alias) → entry. */
  readonly byKey: ReadonlyMap<string, DefinitionEntry>;
}

const matchers = new WeakMap<DefinitionSet, Matcher>();

/** The matcher of a set, built on first use and cached for the life of the set object. */
export function getMatcher(set: DefinitionSet = shippedSet): Matcher {
  let matcher = matchers.get(set);
  if (!matcher) {
    const patterns: Pattern[] = [];
    const byKey = new Map<string, DefinitionEntry>();
    set.entries.forEach((entry, index) => {
      for (const name of [entry.term, ...entry.aliases]) {
        const key = normalizeKey(name);
        if (!key || byKey.has(key)) continue;
        byKey.set(key, entry);
        patterns.push({ key, value: index });
      }
    });
    for (const phrase of set.exclusions ?? []) {
      const key = normalizeKey(phrase);
      if (key && !byKey.has(key)) patterns.push({ key, value: -1 });
    }
    matcher = { set, automaton: buildAutomaton(patterns), entries: set.entries, byKey };
    matchers.set(set, matcher);
  }
  return matcher;
}

/**
 * Finds the terms of a definition set in a text: quote marks and white space ignored, full-width and case folded,
 * leftmost then longest, never overlapping, offsets into the original text. One pass over the text.
 */
export function findTerms(text: string, options: FindTermsOptions = {}): TermMatch[] {
  const matches = scan(getMatcher(options.set), text);
  return options.occurrence === 'first' ? selectOccurrences(matches, 'first') : matches;
}

/** The entry a name (term or alias, any spelling the matcher accepts) stands for, if any. */
export function findEntry(name: string, set?: DefinitionSet): DefinitionEntry | undefined {
  return getMatcher(set).byKey.get(normalizeKey(name));
}

interface Candidate {
  /** Normalized index of the first character. */
  start: number;
  /** Normalized index just past the last character. */
  end: number;
  value: number;
  originalStart: number;
  originalEnd: number;
}

function scan(matcher: Matcher, text: string): TermMatch[] {
  const { classOf, classCount, delta, depth, outLength, outValue, outNext, maxLength } = matcher.automaton;
  const results: TermMatch[] = [];
  if (maxLength === 0) return results;

  // Ring of original offsets of the last normalized characters: enough to find where a match began.
  let size = 1;
  while (size < maxLength) size <<= 1;
  const mask = size - 1;
  const positions = new Int32Array(size);

  // Candidates not yet final, kept sorted by start; at most one per start (the longest).
  const pending: Candidate[] = [];
  let committedEnd = 0; // normalized end of the last chosen match

  const commit = (frontier: number) => {
    while (pending.length && pending[0]!.start < frontier) {
      const candidate = pending.shift()!;
      if (candidate.start < committedEnd) continue; // overlaps a match chosen further left
      committedEnd = candidate.end;
      if (candidate.value < 0) continue; // an exclusion phrase: wins, yields nothing
      const entry = matcher.entries[candidate.value]!;
      const [start, end] = widenToQuotes(text, candidate.originalStart, candidate.originalEnd);
      results.push({ start, end, term: entry.term, serial: entry.serial });
    }
  };

  const propose = (candidate: Candidate) => {
    let i = pending.length;
    while (i > 0 && pending[i - 1]!.start > candidate.start) i--;
    const same = pending[i - 1];
    if (same && same.start === candidate.start) {
      if (candidate.end > same.end) pending[i - 1] = candidate;
    } else pending.splice(i, 0, candidate);
  };

  let state = 0;
  let np = 0; // normalized characters consumed since the last reset
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const cls = classOf[text.charCodeAt(i)]!;
    if (cls <= CLASS_IGNORABLE) {
      if (cls === CLASS_IGNORABLE || state === 0) continue;
      // A character no term contains: nothing pending can be beaten any more.
      state = 0;
      if (pending.length) commit(Infinity);
      continue;
    }
    state = delta[state * classCount + cls]!;
    if (state === 0) {
      if (pending.length) commit(Infinity);
      continue;
    }
    positions[np & mask] = i;
    np++;
    for (let s = state; s !== 0 && outLength[s]; s = outNext[s]!) {
      const start = np - outLength[s]!;
      propose({ start, end: np, value: outValue[s]!, originalStart: positions[start & mask]!, originalEnd: i + 1 });
    }
    // Every later match starts inside the current state's text or after it: earlier starts are settled.
    if (pending.length && pending[0]!.start < np - depth[state]!) commit(np - depth[state]!);
  }
  if (pending.length) commit(Infinity);
  return results;
}

/**
 * A match starts at its first term character, or at an opening quote right before it whose closing quote lies
 * inside the match; it ends likewise. So “总对总”服务 and 教育“一张图” are taken whole, and no unpaired quote is.
 */
function widenToQuotes(text: string, start: number, end: number): [number, number] {
  const before = text[start - 1];
  if (before !== undefined && QUOTE_PAIRS.some(([open, close]) => open === before && hasUnpaired(text, start, end, open, close, 'close')))
    start--;
  const after = text[end];
  if (after !== undefined && QUOTE_PAIRS.some(([open, close]) => close === after && hasUnpaired(text, start, end, open, close, 'open')))
    end++;
  return [start, end];
}

/** Whether text[start, end) holds a closing (or opening) quote of this pair that has no partner inside the range. */
function hasUnpaired(text: string, start: number, end: number, open: string, close: string, side: 'open' | 'close'): boolean {
  if (open === close) {
    let count = 0;
    for (let i = start; i < end; i++) if (text[i] === open) count++;
    return count % 2 === 1;
  }
  let depth = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close) {
      if (depth === 0) {
        if (side === 'close') return true;
      } else depth--;
    }
  }
  return side === 'open' && depth > 0;
}
