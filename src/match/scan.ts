import { CLASS_IGNORABLE } from './automaton';
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

// Scratch space shared by every scan (a scan is synchronous and never re-entered), grown to the longest pattern.
let capacity = 0;
/** Original offsets of the term characters of the current state, last first. */
let back = new Int32Array(0);
/** Candidates not yet settled, sorted by start, one per start (the longest): original start, end, pattern value. */
let pendingStart = new Int32Array(0);
let pendingEnd = new Int32Array(0);
let pendingValue = new Int32Array(0);

function ensureCapacity(maxLength: number): void {
  if (capacity > maxLength) return;
  capacity = 2 * (maxLength + 1);
  back = new Int32Array(capacity);
  pendingStart = new Int32Array(capacity);
  pendingEnd = new Int32Array(capacity);
  pendingValue = new Int32Array(capacity);
}

/**
 * One pass of the automaton over the text: leftmost-longest, non-overlapping matches in original offsets.
 *
 * The hot loop does one class look-up and one transition per code unit and leaves only where a pattern ends (states
 * with an output are numbered last, so that is one comparison). There, and only there, it walks back over the
 * state's term characters to find where each candidate starts, settles the candidates no later match can start
 * before, and queues the new ones.
 */
export function scanText(matcher: Matcher, text: string): TermMatch[] {
  const { classOf, classCount, next, outputRow, depth, outLength, outValue, outNext, maxLength } =
    matcher.automaton;
  const entries = matcher.entries;
  const results: TermMatch[] = [];
  if (maxLength === 0) return results;
  ensureCapacity(maxLength);
  const offsets = back;
  const starts = pendingStart;
  const ends = pendingEnd;
  const values = pendingValue;
  const length = text.length;
  let head = 0; // pending candidates are at [head, count)
  let count = 0;
  let chosenEnd = 0; // original end of the last chosen candidate (exclusions included): later ones must not overlap
  let reportedEnd = 0; // original end of the last reported match, quotes included
  let row = 0;

  for (let i = 0; i <= length; i++) {
    // The hot loop: only looks for the next term character where a pattern ends.
    for (; i < length; i++) {
      row = next[row + classOf[text.charCodeAt(i)]!]!;
      if (row >= outputRow) break;
    }
    if (i === length) {
      if (head === count) break;
      row = 0; // the end of the text settles everything
    } else if (classOf[text.charCodeAt(i)] === CLASS_IGNORABLE) continue; // the state's output was handled already
    const state = (row / classCount) | 0;

    // Where the current state's text starts (no later match can start before it), and each term character's offset.
    const stateDepth = depth[state]!;
    for (let j = i, k = 0; k < stateDepth; j--)
      if (classOf[text.charCodeAt(j)] !== CLASS_IGNORABLE) offsets[k++] = j;
    const frontier = stateDepth ? offsets[stateDepth - 1]! : length;

    // Settle the candidates before the frontier, leftmost first, skipping any that overlap one already chosen.
    for (; head < count && starts[head]! < frontier; head++) {
      const start = starts[head]!;
      if (start < chosenEnd) continue;
      chosenEnd = ends[head]!;
      const value = values[head]!;
      if (value < 0) continue; // an exclusion phrase: wins like a longer match, yields nothing
      const entry = entries[value]!;
      // Only an ignorable character can be a quote (checked first: out-of-range reads would deoptimize the loop).
      const from =
        start > 0 && classOf[text.charCodeAt(start - 1)] === CLASS_IGNORABLE
          ? widenStart(text, start, chosenEnd, reportedEnd)
          : start;
      const to =
        chosenEnd < length && classOf[text.charCodeAt(chosenEnd)] === CLASS_IGNORABLE
          ? widenEnd(text, from, chosenEnd)
          : chosenEnd;
      results.push({ start: from, end: to, term: entry.term, serial: entry.serial });
      reportedEnd = to;
    }
    if (head === count) head = count = 0;

    // Queue every pattern ending here, longest first along the output chain; a longer one replaces one at its start.
    for (let s = state; outLength[s] !== 0; s = outNext[s]!) {
      const start = offsets[outLength[s]! - 1]!;
      if (start < chosenEnd) continue;
      let at = count;
      while (at > head && starts[at - 1]! > start) at--;
      if (at > head && starts[at - 1] === start) at--;
      else {
        if (count === capacity) {
          // Settled slots at the front make room: pending candidates never outnumber the longest pattern.
          starts.copyWithin(0, head, count);
          ends.copyWithin(0, head, count);
          values.copyWithin(0, head, count);
          at -= head;
          count -= head;
          head = 0;
        }
        for (let k = count; k > at; k--) {
          starts[k] = starts[k - 1]!;
          ends[k] = ends[k - 1]!;
          values[k] = values[k - 1]!;
        }
        count++;
      }
      starts[at] = start;
      ends[at] = i + 1;
      values[at] = outValue[s]!;
    }
  }
  return results;
}
