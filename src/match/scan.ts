import {
  HAS_DENSE,
  CLASS_IGNORABLE,
  CLASS_OTHER,
  type Automaton,
  type DenseAutomaton,
  type SparseAutomaton,
} from './automaton';
import type { Matcher } from './matcher';
import { widenEnd, widenStart } from './quote-edges';

/** A term found in a text. */
export interface TermMatch {
  /** UTF-16 offset of the first character of the match in the original text. */
  start: number;
  /** UTF-16 offset just past the match (exclusive). */
  end: number;
  /** The entry's official term as printed (养老大脑+智慧养老 also when the text says 智慧养老). */
  term: string;
  /** The entry's serial number. */
  serial: number;
}

// Scratch space shared by every scan (a scan is synchronous and never re-entered).
/** Original offsets of the current state's last term characters, last first. */
let back: Int32Array = new Int32Array(32);
/** The chosen spans so far, in text order: original start, original end, pattern value (-1 for an exclusion). */
let spanStart: Int32Array = new Int32Array(256);
let spanEnd: Int32Array = new Int32Array(256);
let spanValue: Int32Array = new Int32Array(256);

/** Span arrays above this many entries are let go after the scan that needed them, not kept for the page's life. */
const KEPT_SPANS = 1 << 14;

function growSpans(): void {
  spanStart = doubleArray(spanStart);
  spanEnd = doubleArray(spanEnd);
  spanValue = doubleArray(spanValue);
}

function doubleArray(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/**
 * One pass of the automaton over the text: leftmost-longest, non-overlapping matches in original offsets.
 *
 * The hot loop does one class look-up and one transition per code unit and leaves it only where a pattern ends
 * (states with an output are numbered last, so that is one comparison). Matches are then chosen on a stack by
 * keepLongest(); the dense and the sparse automaton differ only in how they take a transition.
 */
export function scanText(matcher: Matcher, text: string): TermMatch[] {
  const automaton = matcher.automaton;
  if (automaton.maxLength === 0) return [];
  if (back.length < automaton.maxLength) back = new Int32Array(automaton.maxLength);
  // (without the dense automaton in the build, the dense branch is dead code the minifier drops)
  const count =
    automaton.kind === 'sparse' ? scanSparse(automaton, text) : HAS_DENSE ? scanDense(automaton, text) : 0;
  return reportSpans(matcher, text, count);
}

/** The dense loop: one table look-up per code unit. Returns the number of spans chosen. */
function scanDense(automaton: DenseAutomaton, text: string): number {
  const { classOf, rowShift, next, outputRow } = automaton;
  const length = text.length;
  let count = 0;
  let row = 0;
  for (let i = 0; i < length; i++) {
    // The hot loop: only looks for the next character where a pattern ends.
    for (; i < length; i++) {
      row = next[row + classOf[text.charCodeAt(i)]!]!;
      if (row >= outputRow) break;
    }
    // An ignorable character keeps the state: its output was handled at the term character before it.
    if (i === length || classOf[text.charCodeAt(i)] === CLASS_IGNORABLE) continue;
    count = keepLongest(automaton, text, i, row >>> rowShift, count);
  }
  return count;
}

/** The sparse loop: the root's row, else the state's sorted edges and its failure links. Same spans as the dense one. */
function scanSparse(automaton: SparseAutomaton, text: string): number {
  const { classOf, rootNext, edgeStart, edgeClass, edgeTarget, fail, outputState } = automaton;
  const length = text.length;
  let count = 0;
  let state = 0;
  for (let i = 0; i < length; i++) {
    const cls = classOf[text.charCodeAt(i)]!;
    if (cls === CLASS_IGNORABLE) continue; // keeps the state, as in the dense table
    if (cls === CLASS_OTHER) {
      state = 0;
      continue;
    }
    for (;;) {
      if (state === 0) {
        state = rootNext[cls]!;
        break;
      }
      let low = edgeStart[state]!;
      const end = edgeStart[state + 1]!;
      for (let high = end; low < high;) {
        const middle = (low + high) >>> 1;
        if (edgeClass[middle]! < cls) low = middle + 1;
        else high = middle;
      }
      if (low < end && edgeClass[low] === cls) {
        state = edgeTarget[low]!;
        break;
      }
      state = fail[state]!;
    }
    if (state >= outputState) count = keepLongest(automaton, text, i, state, count);
  }
  return count;
}

/**
 * Puts the longest pattern ending at text[i] in `state` on the span stack, returning the new span count. Patterns end
 * in text order, so a new one can only replace spans at the top of the stack that start at or after it (it covers
 * them, and starts further left or at the same place but is longer), or lose to the span just below them (which it
 * overlaps, and which starts further left). What is on the stack at the end is the answer.
 */
function keepLongest(automaton: Automaton, text: string, i: number, state: number, count: number): number {
  const { classOf, outLength, outValue, outNext } = automaton;
  const offsets = back;
  // The original offsets of the longest pattern's term characters, walking back over ignorable ones.
  const longest = outLength[state]!;
  for (let j = i, k = 0; k < longest; j--)
    if (classOf[text.charCodeAt(j)] !== CLASS_IGNORABLE) offsets[k++] = j;

  // Longest (leftmost) first along the output chain; once one is kept, the shorter ones overlap it.
  for (let s = state; outLength[s] !== 0; s = outNext[s]!) {
    const start = offsets[outLength[s]! - 1]!;
    let top = count;
    while (top > 0 && spanStart[top - 1]! >= start) top--;
    if (top > 0 && spanEnd[top - 1]! > start) continue; // overlaps a span that starts further left: loses
    if (top >= spanStart.length) growSpans();
    spanStart[top] = start;
    spanEnd[top] = i + 1;
    spanValue[top] = outValue[s]!;
    return top + 1;
  }
  return count;
}

/** The chosen spans as matches: exclusion phrases dropped, quotes around a match taken in when they pair up. */
function reportSpans(matcher: Matcher, text: string, count: number): TermMatch[] {
  const { classOf } = matcher.automaton;
  const [starts, ends, values] = [spanStart, spanEnd, spanValue];
  const length = text.length;
  const results: TermMatch[] = [];
  const entries = matcher.entries;
  results.length = count; // sized once: cheaper than growing by push
  let reported = 0;
  let reportedEnd = 0; // where the last reported match ended, quotes included
  for (let n = 0; n < count; n++) {
    const value = values[n]!;
    if (value < 0) continue; // an exclusion phrase: wins like a longer match, yields nothing
    const entry = entries[value]!;
    const start = starts[n]!;
    const end = ends[n]!;
    // Only an ignorable character can be a quote (checked first, and in range: an out-of-range read deoptimizes).
    const from =
      start > 0 && classOf[text.charCodeAt(start - 1)] === CLASS_IGNORABLE
        ? widenStart(text, start, end, reportedEnd)
        : start;
    const to =
      end < length && classOf[text.charCodeAt(end)] === CLASS_IGNORABLE ? widenEnd(text, from, end) : end;
    results[reported++] = { start: from, end: to, term: entry.term, serial: entry.serial };
    reportedEnd = to;
  }
  results.length = reported; // exclusion phrases yield nothing
  if (spanStart.length > KEPT_SPANS)
    [spanStart, spanEnd, spanValue] = [new Int32Array(256), new Int32Array(256), new Int32Array(256)];
  return results;
}
