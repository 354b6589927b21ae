import type { HighlightMatch } from './match-ranges';
import { toLiveRange } from './range-geometry';
import { TEXT_NODE } from '../../live/dom';

/** Pointer tolerance around a match's line boxes, px. */
const SLOP = 1;

/**
 * The match under a point. Highlights get no events, so the pointer is hit-tested: the caret position under the
 * point names a text node, and of that node's matches the one whose line boxes contain the point wins (the caret
 * snaps to the nearest character even beside a line's end, so its node alone is not enough).
 */
export function findMatchAt(
  doc: Document,
  x: number,
  y: number,
  byNode: WeakMap<Text, HighlightMatch[]>,
  shadowRoots: readonly ShadowRoot[],
): HighlightMatch | undefined {
  const node = findCaretNode(doc, x, y, shadowRoots);
  if (!node || node.nodeType !== TEXT_NODE) return undefined;
  for (const match of byNode.get(node as Text) ?? []) {
    for (const rect of toLiveRange(match.range).getClientRects()) {
      if (x >= rect.left - SLOP && x <= rect.right + SLOP && y >= rect.top - SLOP && y <= rect.bottom + SLOP)
        return match;
    }
  }
  return undefined;
}

/** caretPositionFromPoint (standard; it can see into the shadow roots it is given), else caretRangeFromPoint. */
function findCaretNode(doc: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[]): Node | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = shadowRoots.length
      ? doc.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] })
      : doc.caretPositionFromPoint(x, y);
    return position?.offsetNode ?? null;
  }
  if (typeof doc.caretRangeFromPoint === 'function')
    return doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
  return null;
}
