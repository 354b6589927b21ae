import { AUTO_ATTRIBUTE, MATCH_ATTRIBUTE, TERM_ATTRIBUTE, TERM_TAG } from './rules';

/**
 * What the annotator split off one of the host's text nodes. The original node stays in place (first, possibly
 * emptied) and keeps its identity; everything after it that came from it is listed here, so unwrapping can merge
 * exactly those nodes back, and a framework rewriting the original can be detected and its stale pieces found.
 */
export interface SplitRecord {
  /** Text nodes created from the original: inside wrappers and between them. */
  readonly pieces: Set<Text>;
  /** The original's text as the annotator left it: anything else means the host rewrote it since. */
  kept: string;
}

// Keyed by the host's node: the bookkeeping dies with it.
const splitRecords = new WeakMap<Text, SplitRecord>();
const wrapperOrigins = new WeakMap<Element, Text>();

// Unique across instances of the library on one page (two script tags), short enough to read in devtools.
const idPrefix = `dszd-${Math.random().toString(36).slice(2, 7)}-`;
let idCount = 0;

/** A fresh value for MATCH_ATTRIBUTE, shared by the pieces of one match. */
export function createMatchId(): string {
  return idPrefix + (++idCount).toString(36);
}

/** The pieces split off a host text node, if the annotator split it. */
export function getSplitRecord(original: Text): SplitRecord | undefined {
  return splitRecords.get(original);
}

/** The host text node a wrapper's text was split from, if this instance wrapped it. */
export function getWrapperOrigin(wrapper: Element): Text | undefined {
  return wrapperOrigins.get(wrapper);
}

/** Drops the bookkeeping of pieces merged back into their original. */
export function forgetPieces(original: Text, pieces: Iterable<Text>): void {
  const record = splitRecords.get(original);
  if (!record) return;
  for (const piece of pieces) record.pieces.delete(piece);
  if (!record.pieces.size) splitRecords.delete(original);
  else record.kept = original.data;
}

/**
 * Wraps `text.data[start, end)` in `<dszd-term term=… data-dszd-auto>` by splitting the node, never rewriting it.
 * Stretches of one node must be wrapped last to first, so the original keeps the text before the first stretch.
 */
export function wrapStretch(
  text: Text,
  start: number,
  end: number,
  term: string,
  matchId: string | null,
): Element {
  const parent = text.parentNode!;
  let record = splitRecords.get(text);
  if (!record) {
    record = { pieces: new Set(), kept: '' };
    splitRecords.set(text, record);
  }
  if (end < text.length) record.pieces.add(text.splitText(end));
  const inner = text.splitText(start);
  record.pieces.add(inner);
  record.kept = text.data;
  const wrapper = text.ownerDocument.createElement(TERM_TAG);
  wrapper.setAttribute(TERM_ATTRIBUTE, term);
  wrapper.setAttribute(AUTO_ATTRIBUTE, '');
  if (matchId !== null) wrapper.setAttribute(MATCH_ATTRIBUTE, matchId);
  parent.insertBefore(wrapper, inner);
  wrapper.appendChild(inner);
  wrapperOrigins.set(wrapper, text);
  return wrapper;
}
