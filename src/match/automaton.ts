import { foldCode, IGNORABLE_CODES, traditionalVariantsOf } from '../text/normalize';

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
 * Largest dense transition table, in entries (≤ 8 MB as 32-bit, and as much again while building). A set whose table
 * would be larger (a department set of a few hundred terms or more) gets a sparse automaton instead: a phone browser
 * cannot spare tens of megabytes for a glossary.
 */
export const DENSE_TABLE_CAP = 1 << 21;

declare const __DSZD_DENSE_AUTOMATON__: boolean | undefined;
/**
 * Whether this build has the dense automaton at all. The drop-in script's stages are built without it (vite.config.ts
 * defines `__DSZD_DENSE_AUTOMATON__` as false): the sparse automaton alone is 0.3 KB gzip less in the first stage and
 * builds the shipped set in about half the time, and its scan, about 2× slower for the shipped set, still reads an
 * article in well under a millisecond. The ES module build and Node (the CMS tagger reads whole sites) keep both.
 */
export const HAS_DENSE = typeof __DSZD_DENSE_AUTOMATON__ === 'undefined' || __DSZD_DENSE_AUTOMATON__;

/**
 * An Aho–Corasick automaton over character classes. Normalization lives in the class table: every spelling of a
 * character (full-width, upper case, traditional) maps to one class, and ignorable characters to class 1, which leaves the state
 * as it is. So the scan is one class look-up and one transition per UTF-16 code unit, without a normalized copy of
 * the text. States are numbered so that those with an output come last.
 */
interface AutomatonBase {
  /** UTF-16 code unit → class. */
  readonly classOf: Uint16Array;
  readonly classCount: number;
  /** Length of the longest pattern that ends at this state (itself or a suffix), 0 if none. */
  readonly outLength: Uint16Array;
  /** Pattern value for that longest pattern. */
  readonly outValue: Int32Array;
  /** Next state along the suffix chain that has an output, 0 if none. */
  readonly outNext: Uint32Array;
  /** Length of the longest pattern. */
  readonly maxLength: number;
}

/** The automaton compiled to a dense DFA: one table look-up per code unit, without a branch. */
export interface DenseAutomaton extends AutomatonBase {
  readonly kind: 'dense';
  /** log2 of the row width: classCount rounded up to a power of two, so a row's state is row >>> rowShift. */
  readonly rowShift: number;
  /**
   * next[row + class] → next row, where a state's row is state << rowShift (0 is the root): stored pre-shifted so the
   * scan does no arithmetic but one addition. Class 0 leads to the root, class 1 back to the same row. 16-bit while the rows
   * fit (any set of a few hundred terms): the scan is measurably faster on the smaller table.
   */
  readonly next: Uint16Array | Uint32Array;
  /** A row ≥ outputRow means a pattern ends here. */
  readonly outputRow: number;
}

/** The automaton as trie edges and failure links: memory in proportion to the trie, not trie × alphabet. */
export interface SparseAutomaton extends AutomatonBase {
  readonly kind: 'sparse';
  /** The root's full transition row (class → state): most characters of a text are read at the root. */
  readonly rootNext: Uint32Array;
  /** Edges of state s are edgeClass/edgeTarget[edgeStart[s] … edgeStart[s + 1]), sorted by class. */
  readonly edgeStart: Uint32Array;
  readonly edgeClass: Uint16Array;
  readonly edgeTarget: Uint32Array;
  /** Failure link: the state of the longest proper suffix that is also a trie path. */
  readonly fail: Uint32Array;
  /** A state ≥ outputState means a pattern ends here. */
  readonly outputState: number;
}

export type Automaton = DenseAutomaton | SparseAutomaton;

/** Every UTF-16 code unit that foldCode() maps to `folded`. */
function spellingsOf(folded: number): number[] {
  const codes = [folded];
  if (folded >= 0x21 && folded <= 0x7e) codes.push(folded + 0xfee0);
  if (folded >= 0x61 && folded <= 0x7a) codes.push(folded - 0x20, folded - 0x20 + 0xfee0);
  codes.push(...traditionalVariantsOf(folded));
  return codes;
}

/**
 * Builds the automaton for a list of patterns; empty keys are ignored, a repeated key keeps its first value. Dense
 * while its table stays within `denseCap` entries (and the build has it, see HAS_DENSE), sparse beyond.
 */
export function buildAutomaton(patterns: readonly Pattern[], denseCap = DENSE_TABLE_CAP): Automaton {
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

  // The trie: goto edges, and the pattern that ends at each node.
  const edges: Array<Map<number, number>> = [new Map()];
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

  // Failure links breadth-first: a node's failure node is shallower, so it is linked (and its row filled) before it.
  const nodeCount = edges.length;
  const fail = new Uint32Array(nodeCount);
  const queue = [...edges[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const [cls, child] of edges[node]!) {
      let f = fail[node]!;
      while (f !== 0 && !edges[f]!.has(cls)) f = fail[f]!;
      fail[child] = edges[f]!.get(cls) ?? 0;
      queue.push(child);
    }
  }
  const outLength = new Uint16Array(nodeCount);
  const outValue = new Int32Array(nodeCount).fill(-1);
  const outNext = new Uint32Array(nodeCount);
  for (const node of queue) {
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
  }

  // Renumber: the root first, nodes without output next, nodes with output last.
  const order = [...Array(nodeCount).keys()].sort(
    (a, b) => Number(outLength[a]! > 0) - Number(outLength[b]! > 0) || a - b,
  );
  const stateOf = new Uint32Array(nodeCount);
  order.forEach((node, state) => (stateOf[node] = state));
  const firstOutput = order.findIndex((node) => outLength[node]! > 0);
  const outputState = firstOutput < 0 ? nodeCount : firstOutput;
  const base: AutomatonBase = {
    classOf,
    classCount,
    outLength: new Uint16Array(nodeCount),
    outValue: new Int32Array(nodeCount),
    outNext: new Uint32Array(nodeCount),
    maxLength,
  };
  const stateFail = new Uint32Array(nodeCount);
  order.forEach((node, state) => {
    base.outLength[state] = outLength[node]!;
    base.outValue[state] = outValue[node]!;
    base.outNext[state] = stateOf[outNext[node]!]!;
    stateFail[state] = stateOf[fail[node]!]!;
  });

  // (a build without the dense automaton computes no row width either)
  const rowShift = HAS_DENSE ? Math.ceil(Math.log2(classCount)) : 0;
  const rowWidth = 1 << rowShift;
  if (HAS_DENSE && nodeCount * rowWidth <= denseCap) {
    const next =
      nodeCount * rowWidth <= 0x10000
        ? new Uint16Array(nodeCount * rowWidth)
        : new Uint32Array(nodeCount * rowWidth);
    // A node's row is its failure node's with its own edges on top; class 1 stays on the row, class 0 goes to the root.
    for (const node of [0, ...queue]) {
      const row = stateOf[node]! << rowShift;
      const failRow = stateOf[fail[node]!]! << rowShift;
      if (node !== 0) next.copyWithin(row, failRow, failRow + rowWidth);
      next[row + CLASS_IGNORABLE] = row;
      for (const [cls, child] of edges[node]!) next[row + cls] = stateOf[child]! << rowShift;
    }
    return { ...base, kind: 'dense', rowShift, next, outputRow: outputState << rowShift };
  }

  const rootNext = new Uint32Array(classCount);
  for (const [cls, child] of edges[0]!) rootNext[cls] = stateOf[child]!;
  const edgeStart = new Uint32Array(nodeCount + 1);
  const edgeClass = new Uint16Array(nodeCount - 1);
  const edgeTarget = new Uint32Array(nodeCount - 1);
  let edge = 0;
  order.forEach((node, state) => {
    edgeStart[state] = edge;
    for (const [cls, child] of [...edges[node]!].sort((a, b) => a[0] - b[0])) {
      edgeClass[edge] = cls;
      edgeTarget[edge++] = stateOf[child]!;
    }
  });
  edgeStart[nodeCount] = edge;
  return {
    ...base,
    kind: 'sparse',
    rootNext,
    edgeStart,
    edgeClass,
    edgeTarget,
    fail: stateFail,
    outputState,
  };
}
