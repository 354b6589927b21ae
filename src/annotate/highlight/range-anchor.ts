import type { VirtualAnchor } from '../../card/position';
import { ELEMENT_NODE } from '../../live/dom';

/** A text range as something the card can point at: its rectangles, and the element whose scrolling moves it. */
export function createRangeAnchor(range: Range): VirtualAnchor {
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    get contextElement() {
      const node = range.startContainer;
      return node.nodeType === ELEMENT_NODE ? (node as Element) : (node.parentElement ?? undefined);
    },
    get isConnected() {
      return range.startContainer.isConnected && !range.collapsed;
    },
  };
}
