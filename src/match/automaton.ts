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
 * every spelling of a character (full-width, upper case) maps to one class, and ignorable characters to class 1, which
 * leaves the state as it is. So the scan is one class look-up and one transition per UTF-16 code unit, without a
 * branch, and without a normalized copy of the text.
 */
export interface Automaton {
  /** UTF-16 code unit → class. */
  readonly classOf: Uint16Array;
  readonly classCount: number;
  /** log2 of the row width: classCount rounded up to a power of two, so a row's state is row >>> rowShift. */
  readonly rowShift: number;
  /**
   * next[row + class] → next row, where a state's row is state << rowShift (0 is the root): stored pre-shifted so the
   * scan does no arithmetic but one addition. Class 0 leads to the root, class 1 back to the same row. 16-bit while the rows
   * fit (any set of a few hundred terms): the scan is measurably faster on the smaller table.
   */
  readonly next: Uint16Array | Uint32Array;
  /** States are numbered so that those with an output come last: a row ≥ outputRow means a pattern ends here. */
  readonly outputRow: number;
  /** Depth of each state: the number of term characters it stands for. */
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

  // Breadth-first over trie nodes: each node's failure link and DFA row come from its (shallower) failure node.
  const nodeCount = edges.length;
  const delta = new Uint32Array(nodeCount * classCount);
  const fail = new Uint32Array(nodeCount);
  const outLength = new Uint16Array(nodeCount);
  const outValue = new Int32Array(nodeCount).fill(-1);
  const outNext = new Uint32Array(nodeCount);
  const queue: number[] = [];
  for (const [cls, next] of edges[0]!) {
    delta[cls] = next;
    queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const f = fail[node]!;
    if (ownLength[node]) {
      outLength[node] = ownLength[node]!;
      outValue[node] = ownValue[node]!;
      outNext[node] = outLength[f] ? f : outNext[f]!;
    } else {
      outLength[node] = outLength[f]!;
      outValue[node] = outValue[f]!;
      outNext[node] = outNext[f]!;
    }
    const row = node * classCount;
    const failRow = f * classCount;
    for (let cls = CLASS_IGNORABLE + 1; cls < classCount; cls++) delta[row + cls] = delta[failRow + cls]!;
    for (const [cls, next] of edges[node]!) {
      fail[next] = delta[failRow + cls]!;
      delta[row + cls] = next;
      queue.push(next);
    }
  }

  // Renumber: the root first, nodes without output next, nodes with output last.
  const order = [...Array(nodeCount).keys()].sort(
    (a, b) => Number(outLength[a]! > 0) - Number(outLength[b]! > 0) || a - b,
  );
  const stateOf = new Uint32Array(nodeCount);
  order.forEach((node, state) => (stateOf[node] = state));
  const rowShift = Math.ceil(Math.log2(classCount));
  const rowWidth = 1 << rowShift;
  const next =
    nodeCount * rowWidth <= 0x10000
      ? new Uint16Array(nodeCount * rowWidth)
      : new Uint32Array(nodeCount * rowWidth);
  const depth = new Uint16Array(nodeCount);
  const stateOutLength = new Uint16Array(nodeCount);
  const stateOutValue = new Int32Array(nodeCount);
  const stateOutNext = new Uint32Array(nodeCount);
  order.forEach((node, state) => {
    const row = state << rowShift;
    next[row + CLASS_IGNORABLE] = row;
    for (let cls = CLASS_IGNORABLE + 1; cls < classCount; cls++)
      next[row + cls] = stateOf[delta[node * classCount + cls]!]! << rowShift;
    depth[state] = depthList[node]!;
    stateOutLength[state] = outLength[node]!;
    stateOutValue[state] = outValue[node]!;
    stateOutNext[state] = stateOf[outNext[node]!]!;
  });
  const firstOutput = order.findIndex((node) => outLength[node]! > 0);

  return {
    classOf,
    classCount,
    rowShift,
    next,
    outputRow: (firstOutput < 0 ? nodeCount : firstOutput) << rowShift,
    depth,
    outLength: stateOutLength,
    outValue: stateOutValue,
    outNext: stateOutNext,
    maxLength,
  };
}
