import { AUTO_ATTRIBUTE, TERM_TAG } from './rules';
import { forgetPieces, getSplitRecord, getWrapperOrigin } from './wrap';

const TEXT_NODE = 3;
const WRAPPER_SELECTOR = `${TERM_TAG}[${AUTO_ATTRIBUTE}]`;

/**
 * Removes the annotator's wrappers under `root` (open shadow roots included) and merges the text back. Text this
 * instance split is merged exactly where it was split; wrappers left by an earlier instance (no bookkeeping) are
 * merged with the text nodes right beside them. Pre-tagged markup (no AUTO_ATTRIBUTE) stays. Returns the count.
 */
export function unwrapAll(root: ParentNode, owns: (wrapper: Element) => boolean = () => true): number {
  const originals = new Set<Text>();
  const orphans: Node[] = [];
  let count = 0;
  for (const wrapper of findWrappers(root)) {
    if (!owns(wrapper)) continue;
    const parent = wrapper.parentNode;
    if (!parent) continue;
    const origin = getWrapperOrigin(wrapper);
    if (origin) originals.add(origin);
    else if (wrapper.firstChild) orphans.push(wrapper.firstChild);
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    parent.removeChild(wrapper);
    count++;
  }
  for (const original of originals) mergePieces(original);
  for (const node of orphans) mergeNeighbours(node);
  return count;
}

/** Every wrapper under root, shadow roots included, found before any is removed. */
function findWrappers(root: ParentNode): Element[] {
  const found = Array.from(root.querySelectorAll(WRAPPER_SELECTOR));
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...findWrappers(element.shadowRoot));
  }
  return found;
}

/** Appends to `original` the pieces split off it that follow it again now their wrappers are gone. */
function mergePieces(original: Text): void {
  const record = getSplitRecord(original);
  if (!record) return;
  const merged: Text[] = [];
  for (let next = original.nextSibling; next && record.pieces.has(next as Text); next = next.nextSibling) {
    merged.push(next as Text);
  }
  if (!merged.length) return;
  // One append, not one per piece: a long node may have thousands of pieces.
  original.appendData(merged.map((piece) => piece.data).join(''));
  for (const piece of merged) piece.remove();
  forgetPieces(original, merged);
}

/** Merges the text nodes adjacent to `node` into the first of them (for wrappers without bookkeeping). */
function mergeNeighbours(node: Node): void {
  if (node.nodeType !== TEXT_NODE || !node.parentNode) return;
  let first = node as Text;
  while (first.previousSibling?.nodeType === TEXT_NODE) first = first.previousSibling as Text;
  const merged: Text[] = [];
  for (let next = first.nextSibling; next?.nodeType === TEXT_NODE; next = next.nextSibling)
    merged.push(next as Text);
  if (!merged.length) return;
  first.appendData(merged.map((piece) => piece.data).join(''));
  for (const piece of merged) piece.remove();
}
