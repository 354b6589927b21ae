import { DOCUMENT_NODE } from './dom';

/**
 * Runs `mutate` (which keeps the text of `scope` but not its text nodes) and puts the selection back at the same
 * character offsets, so the caret in an editor does not move.
 */
export function keepSelection<T>(scope: Node, mutate: () => T): T {
  const doc = scope.nodeType === DOCUMENT_NODE ? (scope as Document) : scope.ownerDocument;
  const selection = doc?.getSelection();
  if (!doc || !selection?.rangeCount || !selection.anchorNode || !selection.focusNode) return mutate();
  const anchor = offsetIn(doc, scope, selection.anchorNode, selection.anchorOffset);
  const focus = offsetIn(doc, scope, selection.focusNode, selection.focusOffset);
  const result = mutate();
  if (anchor === null && focus === null) return result;
  const start = anchor === null ? null : pointAt(doc, scope, anchor);
  const end = focus === null ? null : pointAt(doc, scope, focus);
  const base = start ?? [selection.anchorNode, selection.anchorOffset];
  const extent = end ?? [selection.focusNode, selection.focusOffset];
  if (base[0].isConnected && extent[0].isConnected)
    selection.setBaseAndExtent(base[0], base[1], extent[0], extent[1]);
  return result;
}

/** The number of characters of `scope`'s text before the point, or null when the point is not under scope. */
function offsetIn(doc: Document, scope: Node, node: Node, offset: number): number | null {
  if (node !== scope && !scope.contains(node)) return null;
  const range = doc.createRange();
  range.selectNodeContents(scope);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The text position `offset` characters into `scope`'s text (the end of a text node rather than the next start). */
function pointAt(doc: Document, scope: Node, offset: number): [Node, number] | null {
  const walker = doc.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  let left = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.length) return [node, left];
    left -= node.length;
    last = node;
  }
  return last ? [last, last.length] : null;
}
