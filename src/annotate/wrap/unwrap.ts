import { AUTO_ATTRIBUTE, TERM_TAG } from '../../runs/rules';
import { forgetPieces, getSplitRecord, getWrapperOrigin } from './wrap';
import { ELEMENT_NODE, TEXT_NODE } from '../../live/dom';

const WRAPPER_SELECTOR = `${TERM_TAG}[${AUTO_ATTRIBUTE}]`;

/**
 * Removes the annotator's wrappers under `root` (open shadow roots included) and merges the text back. Text this
 * instance split is merged exactly where it was split; wrappers left by an earlier instance (no bookkeeping) are
 * merged with the text nodes right beside them. Pre-tagged markup (no AUTO_ATTRIBUTE) stays. Returns the count.
 */
export function unwrapAll(root: ParentNode, owns: (wrapper: Element) => boolean = () => true): number {
  return unwrapWrappers(findWrappers(root).filter(owns));
}

/**
 * Removes these wrappers and merges their text back, as `unwrapAll` does. Other wrappers split off the same host
 * text node stay: only the given ones are folded back.
 */
export function unwrapWrappers(wrappers: readonly Element[]): number {
  const chosen = new Set(wrappers);
  const owns = (wrapper: Element) => chosen.has(wrapper);
  const removed = new Set<Element>();
  // Fast path: the original, then its pieces and wrappers as the annotator left them, folded back in one append.
  for (const wrapper of wrappers) {
    const origin = getWrapperOrigin(wrapper);
    if (origin && !removed.has(wrapper)) foldBack(origin, owns, removed);
  }
  // What the host moved or changed: unwrap one by one, then merge what still sits together.
  const originals = new Set<Text>();
  const orphans: Node[] = [];
  for (const wrapper of wrappers) {
    if (removed.has(wrapper) || !wrapper.parentNode) continue;
    const origin = getWrapperOrigin(wrapper);
    if (origin) originals.add(origin);
    else if (wrapper.firstChild) orphans.push(wrapper.firstChild);
    const parent = wrapper.parentNode;
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    parent.removeChild(wrapper);
    removed.add(wrapper);
  }
  // the pieces that follow their original again now their wrappers are gone
  for (const original of originals) foldBack(original, () => false, removed);
  for (const node of orphans) mergeNeighbours(node);
  return removed.size;
}

/** Every wrapper under root, shadow roots included, found before any is removed. */
export function findWrappers(root: ParentNode): Element[] {
  const found = Array.from(root.querySelectorAll(WRAPPER_SELECTOR));
  const own = (root as Partial<Element>).shadowRoot;
  if (own) found.push(...findWrappers(own));
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...findWrappers(element.shadowRoot));
  }
  return found;
}

/**
 * Folds the siblings after `original` that came from it (its gap pieces, and its wrappers each holding one piece)
 * back into it: one appendData and one removal per sibling, instead of moving every piece out of its wrapper first.
 */
function foldBack(original: Text, owns: (wrapper: Element) => boolean, removed: Set<Element>): void {
  const record = getSplitRecord(original);
  if (!record) return;
  const siblings: ChildNode[] = [];
  const pieces: Text[] = [];
  for (let next = original.nextSibling; next; next = next.nextSibling) {
    if (next.nodeType === TEXT_NODE && record.pieces.has(next as Text)) pieces.push(next as Text);
    else if (next.nodeType === ELEMENT_NODE && isIntactWrapper(next as Element, original, owns)) {
      pieces.push(next.firstChild as Text);
      removed.add(next as Element);
    } else break;
    siblings.push(next);
  }
  if (!siblings.length) return;
  mergeInto(original, siblings, pieces);
}

/** A wrapper of `original`'s text that still holds exactly the one piece it was given. */
function isIntactWrapper(element: Element, original: Text, owns: (wrapper: Element) => boolean): boolean {
  const piece = element.firstChild;
  return (
    getWrapperOrigin(element) === original &&
    owns(element) &&
    piece !== null &&
    piece === element.lastChild &&
    piece.nodeType === TEXT_NODE &&
    getSplitRecord(original)!.pieces.has(piece as Text)
  );
}

/**
 * Takes `nodes` (pieces of `original`, or wrappers holding them) out and appends the pieces' text to it: one append, not
 * one per piece (a long node may have thousands). The removals first: Chromium reshapes the whole text of a block laid
 * out just before when a text in it changes (see OffDocumentSplit.commit); removed first, the block awaits its layout.
 * If the append fails (a page that broke it), the nodes go back: no text is lost. Bookkeeping of pieces (if any) goes.
 */
function mergeInto(original: Text, nodes: ChildNode[], pieces: Text[]): void {
  const text = pieces.map((piece) => piece.data).join('');
  for (const node of nodes) node.remove();
  try {
    original.appendData(text);
  } catch (error) {
    original.after(...nodes);
    throw error;
  }
  forgetPieces(original, pieces);
}

/** Merges the text nodes adjacent to `node` into the first of them (for wrappers without bookkeeping). */
function mergeNeighbours(node: Node): void {
  if (node.nodeType !== TEXT_NODE || !node.parentNode) return;
  let first = node as Text;
  while (first.previousSibling?.nodeType === TEXT_NODE) first = first.previousSibling as Text;
  const merged: Text[] = [];
  for (let next = first.nextSibling; next?.nodeType === TEXT_NODE; next = next.nextSibling)
    merged.push(next as Text);
  if (merged.length) mergeInto(first, merged, merged);
}
