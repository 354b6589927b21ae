import { foldCode, IGNORABLE_CODES } from './normalize';

/** Character class 0: a character no pattern contains; it ends every partial match. */
export const CLASS_OTHER = 0;
/** Character class 1: a quote mark or white space; skipped without changing the state. */
export const CLASS_IGNORABLE = 1;

/** One pattern of the automaton: a normalized key and what it stands for. */
export interface Pattern {
  /** normalizeKey() of the spelling. */
  key: string;
  /** Index into the caller's table of meanings (entry, or -1 for an exclusion phrase). */
  value: number;
}

/**
 * An Aho–Corasick automaton compiled to a dense DFA over character classes. Normalization lives in the class table:
 * every spelling of a character (full-width, upper case) maps to one class, and ignorable characters to class 1, so the
 * scan needs one table look-up per UTF-16 code unit and no normalized copy of the text.
 */
export interface Automaton {
  /** UTF-16 code unit → class. */
  readonly classOf: Uint16Array;
  readonly classCount: number;
  /** delta[state * classCount + class] → next state (0 is the root). */
  readonly delta: Uint16Array | Uint32Array;
  /** Depth of each state: the length of the text it stands for. */
  readonly depth: Uint16Array;
  /** Length of the longest pattern that ends at this state (itself or a suffix), 0 if none. */
  readonly outLength: Uint16Array;
  /** Pattern value for that longest pattern. */
  readonly outValue: Int32Array;
  /** Next state along the suffix chain that has an output, 0 if none. */
  readonly outNext: Uint32Array;
  /** Length of the longest pattern. */
  readonly maxLength: number;
}

/** Every UTF-16 code unit that foldCode() maps to `folded`. */
function spellingsOf(folded: number): number[] {
  const codes = [folded];
  if (folded >= 0x21 && folded <= 0x7e) codes.push(folded + 0xfee0);
  if (folded >= 0x61 && folded <= 0x7a) codes.push(folded - 0x20, folded - 0x20 + 0xfee0);
  return codes;
}

/** Builds the automaton for a list of patterns; empty keys are ignored, a repeated key keeps its first value. */
export function buildAutomaton(patterns: readonly Pattern[]): Automaton {
  const classOf = new Uint16Array(0x10000);
  for (const code of IGNORABLE_CODES) classOf[code] = CLASS_IGNORABLE;

  let classCount = 2;
  const classOfFolded = new Map<number, number>();
  for (const { key } of patterns) {
    for (let i = 0; i < key.length; i++) {
      const folded = foldCode(key.charCodeAt(i));
      if (classOfFolded.has(folded)) continue;
      classOfFolded.set(folded, classCount);
      for (const code of spellingsOf(folded)) classOf[code] = classCount;
      classCount++;
    }
  }

  // The trie: goto edges, depth, and the pattern that ends at each node.
  const edges: Array<Map<number, number>> = [new Map()];
  const depthList = [0];
  const ownLength = [0];
  const ownValue = [-1];
  let maxLength = 0;
  for (const { key, value } of patterns) {
    if (!key) continue;
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const cls = classOf[key.charCodeAt(i)]!;
      let next = edges[state]!.get(cls);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        depthList.push(depthList[state]! + 1);
        ownLength.push(0);
        ownValue.push(-1);
        edges[state]!.set(cls, next);
      }
      state = next;
    }
    if (ownLength[state] === 0) {
      ownLength[state] = key.length;
      ownValue[state] = value;
    }
    maxLength = Math.max(maxLength, key.length);
  }

  const stateCount = edges.length;
  const delta = stateCount < 0x10000 ? new Uint16Array(stateCount * classCount) : new Uint32Array(stateCount * classCount);
  const fail = new Uint32Array(stateCount);
  const outLength = new Uint16Array(stateCount);
  const outValue = new Int32Array(stateCount).fill(-1);
  const outNext = new Uint32Array(stateCount);

  // Breadth-first: each state's failure link and DFA row come from its (shallower) failure state.
  const queue: number[] = [];
  for (const [cls, next] of edges[0]!) {
    delta[cls] = next;
    queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const f = fail[state]!;
    if (ownLength[state]) {
      outLength[state] = ownLength[state]!;
      outValue[state] = ownValue[state]!;
      outNext[state] = outLength[f] ? f : outNext[f]!;
    } else {
      outLength[state] = outLength[f]!;
      outValue[state] = outValue[f]!;
      outNext[state] = outNext[f]!;
    }
    const row = state * classCount;
    const failRow = f * classCount;
    for (let cls = CLASS_IGNORABLE + 1; cls < classCount; cls++) delta[row + cls] = delta[failRow + cls]!;
    for (const [cls, next] of edges[state]!) {
      fail[next] = delta[failRow + cls]!;
      delta[row + cls] = next;
      queue.push(next);
    }
  }

  return {
    classOf,
    classCount,
    delta,
    depth: Uint16Array.from(depthList),
    outLength,
    outValue,
    outNext,
    maxLength,
  };
}
