import { BOUNDARY_TAGS } from '../runs/rules';
import type { TreeAdapter } from '../runs/runs';
import { DOCUMENT_NODE, ELEMENT_NODE } from './dom';

/** Below this many blocks the whole page fits in a slice or two: document order is as good. */
const MIN_BLOCKS = 32;
/** How far above the viewport a block may end and still count as near it (in viewport heights). */
const MARGIN = 0.5;

/** The initial pass's targets in the order to read them, and the blocks the root's own reading passes over. */
export interface ViewportOrder {
  targets: Node[];
  /** Blocks read on their own before the root: reading the root, each stands in as an empty boundary. */
  done: ReadonlySet<Node>;
}

/**
 * The initial pass's targets for `occurrence: "all"`: the blocks on or near the screen first, then the rest, so what
 * the reader looks at is marked within the first slice. The root's block children are in document order, so the
 * first one reaching the viewport is found by binary search (a few layout reads, not one per block). The root comes
 * last, for the text outside those blocks.
 */
export function orderForViewport(root: Element | Document | DocumentFragment): ViewportOrder {
  const whole = { targets: [root], done: new Set<Node>() };
  const parent = root.nodeType === DOCUMENT_NODE ? (root as Document).body : root;
  const view = parent?.ownerDocument?.defaultView;
  if (!parent || parent.nodeType !== ELEMENT_NODE || !view) return whole;
  const blocks = Array.from((parent as Element).children).filter((child) =>
    BOUNDARY_TAGS.has(child.localName),
  );
  if (blocks.length < MIN_BLOCKS) return whole;
  const margin = view.innerHeight * MARGIN;
  // The first block whose bottom is below the top of the viewport (less the margin).
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (blocks[middle]!.getBoundingClientRect().bottom < -margin) low = middle + 1;
    else high = middle;
  }
  if (low === 0) return whole;
  return { targets: [...blocks.slice(low), ...blocks.slice(0, low), root], done: new Set(blocks) };
}

/** The adapter for reading the root after its blocks in `done`: each of them is an empty boundary there. */
export function passOver(adapter: TreeAdapter<Node>, done: ReadonlySet<Node>): TreeAdapter<Node> {
  if (!done.size) return adapter;
  let stand: Element | undefined;
  return {
    ...adapter,
    children(node) {
      const children = adapter.children(node);
      if (node === stand) return [];
      let replaced: Node[] | undefined;
      for (let i = 0; i < children.length; i++) {
        if (!done.has(children[i]!)) continue;
        stand ??= (node.ownerDocument ?? (node as Document)).createElement('hr');
        replaced ??= Array.from(children);
        replaced[i] = stand;
      }
      return replaced ?? children;
    },
  };
}
