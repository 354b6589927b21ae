import { AUTO_ATTRIBUTE, MATCH_ATTRIBUTE, TERM_ATTRIBUTE, TERM_TAG } from '../../runs/rules';

/** One node the annotator placed after an original: a wrapper holding one piece, or a bare piece between them. */
export interface SplitUnit {
  /** The wrapper, or the piece itself when it is not wrapped. */
  readonly node: ChildNode;
  /** The text node split off the original. */
  readonly piece: Text;
}

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
  /** The units after the original, last first (the annotator creates them right to left). */
  readonly tail: SplitUnit[];
  /** The original's parent when it was split: where the other pieces of its split matches are looked for. */
  readonly parent: ParentNode;
}

// Keyed by the host's node: the bookkeeping dies with it.
const splitRecords = new WeakMap<Text, SplitRecord>();
const wrapperOrigins = new WeakMap<Element, Text>();
// A piece split again (a later match across it) still belongs to the host node it first came from.
const pieceOrigins = new WeakMap<Text, Text>();

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

/** The host text node a piece was split from; the node itself when the annotator split it; else undefined. */
export function getPieceOrigin(text: Text): Text | undefined {
  return pieceOrigins.get(text) ?? (splitRecords.has(text) ? text : undefined);
}

/** Drops the bookkeeping of pieces merged back into their original. */
export function forgetPieces(original: Text, pieces: Iterable<Text>): void {
  const record = splitRecords.get(original);
  if (!record) return;
  for (const piece of pieces) {
    record.pieces.delete(piece);
    pieceOrigins.delete(piece);
  }
  if (!record.pieces.size) {
    splitRecords.delete(original);
    return;
  }
  record.kept = original.data;
  const tail = record.tail.filter((unit) => record.pieces.has(unit.piece));
  record.tail.splice(0, record.tail.length, ...tail);
}

/** Drops all bookkeeping of one original: its pieces are gone or merged back. */
export function forgetOriginal(original: Text): void {
  const record = splitRecords.get(original);
  if (!record) return;
  splitRecords.delete(original);
  for (const unit of record.tail) {
    pieceOrigins.delete(unit.piece);
    if (unit.node !== unit.piece) wrapperOrigins.delete(unit.node as Element);
  }
}

/**
 * Wraps `text.data[start, end)` in `<dszd-term term=… data-dszd-auto>` by splitting the node, never rewriting it.
 * Stretches of one node must be wrapped last to first, so the original keeps the text before the first stretch.
 *
 * The host's node never moves and never goes into a wrapper: it only shrinks to a prefix of its text (empty when
 * the match starts at 0). Everything created sits right after it, so a framework's `insertBefore(x, node)` and
 * `removeChild(node)` on the parent it remembers keep working.
 */
export function wrapStretch(
  text: Text,
  start: number,
  end: number,
  term: string,
  matchId: string | null,
): Element {
  const parent = text.parentNode!;
  const original = pieceOrigins.get(text) ?? text;
  let record = splitRecords.get(original);
  if (!record) {
    record = { pieces: new Set(), kept: original.data, tail: [], parent };
    splitRecords.set(original, record);
  }
  const created: SplitUnit[] = [];
  if (end < text.length) {
    const rest = text.splitText(end);
    created.push({ node: rest, piece: rest });
  }
  const inner = text.splitText(start);
  const wrapper = text.ownerDocument.createElement(TERM_TAG);
  wrapper.setAttribute(TERM_ATTRIBUTE, term);
  wrapper.setAttribute(AUTO_ATTRIBUTE, '');
  if (matchId !== null) wrapper.setAttribute(MATCH_ATTRIBUTE, matchId);
  parent.insertBefore(wrapper, inner);
  wrapper.appendChild(inner);
  created.push({ node: wrapper, piece: inner });
  for (const unit of created) {
    record.pieces.add(unit.piece);
    pieceOrigins.set(unit.piece, original);
  }
  wrapperOrigins.set(wrapper, original);
  // The new units follow `text`: first in document order when it is the original, else right after its unit.
  const at = text === original ? record.tail.length : record.tail.findIndex((unit) => unit.piece === text);
  record.tail.splice(Math.max(0, at), 0, ...created);
  if (text === original) record.kept = original.data;
  return wrapper;
}
