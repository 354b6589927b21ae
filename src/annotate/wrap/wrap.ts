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

// Keyed by the host's node: the bookkeeping dies with it. (Exported for parts.ts only.)
/** @internal */
export const splitRecords = new WeakMap<Text, SplitRecord>();
/** @internal */
export const wrapperOrigins = new WeakMap<Element, Text>();
// A piece split again (a later match across it) still belongs to the host node it first came from.
/** @internal */
export const pieceOrigins = new WeakMap<Text, Text>();

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
 * Wraps stretches of one host text node: built off the document, then put in at once. The host's node never moves
 * and never goes into a wrapper: it only shrinks to a prefix of its text (empty when the first match starts at 0).
 * Everything created sits right after it, so a framework's `insertBefore(x, node)` and `removeChild(node)` on the
 * parent it remembers keep working.
 */
export interface OffDocumentSplit {
  /** Wraps `data[start, end)` of the node's text as it was read; stretches in document order, not overlapping. */
  wrap(start: number, end: number, term: string, matchId: string | null): Element;
  /** Whether the node still holds the text that was read. */
  readonly current: boolean;
  /**
   * Puts the built units in after the node, which keeps the text before the first stretch: one change of its text
   * and one insertion, so the block is laid out once, not once per stretch.
   */
  commit(): void;
}

/**
 * Starts an off-document split of an unsplit host text node (see `OffDocumentSplit`), of `data`: its text as it was
 * read when the stretches were planned (by default, now).
 */
export function splitOffDocument(original: Text, data = original.data): OffDocumentSplit {
  const doc = original.ownerDocument;
  // In document order: wrappers and the text between them, each with its piece.
  const units: SplitUnit[] = [];
  let at = -1;
  let prefix = data.length;
  const addText = (end: number) => {
    if (at >= 0 && end > at) {
      const piece = doc.createTextNode(data.slice(at, end));
      units.push({ node: piece, piece });
    }
  };
  return {
    wrap(start, end, term, matchId) {
      if (at < 0) prefix = start;
      addText(start);
      const wrapper = doc.createElement(TERM_TAG);
      wrapper.setAttribute(TERM_ATTRIBUTE, term);
      wrapper.setAttribute(AUTO_ATTRIBUTE, '');
      if (matchId !== null) wrapper.setAttribute(MATCH_ATTRIBUTE, matchId);
      const piece = doc.createTextNode(data.slice(start, end));
      wrapper.appendChild(piece);
      units.push({ node: wrapper, piece });
      at = end;
      return wrapper;
    },
    get current() {
      return original.data === data && !splitRecords.has(original) && !pieceOrigins.has(original);
    },
    commit() {
      addText(data.length);
      const parent = original.parentNode!;
      const fragment = doc.createDocumentFragment();
      for (const unit of units) {
        fragment.appendChild(unit.node);
        pieceOrigins.set(unit.piece, original);
        if (unit.node !== unit.piece) wrapperOrigins.set(unit.node as Element, original);
      }
      // The insertion first: Chromium updates the text of a block laid out just before in place, shaping the block's
      // whole text at once (150–200 ms for a block of 130,000 characters); once the block awaits its layout, it does
      // not (the frame after lays the block out anyway).
      parent.insertBefore(fragment, original.nextSibling);
      try {
        original.deleteData(prefix, data.length - prefix);
      } catch (error) {
        // (a page that broke deleteData) its text stays shown once
        for (const unit of units) unit.node.remove();
        throw error;
      }
      splitRecords.set(original, {
        pieces: new Set(units.map((unit) => unit.piece)),
        kept: data.slice(0, prefix),
        tail: units.reverse(),
        parent,
      });
    },
  };
}
