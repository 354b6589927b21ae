import type { TreeAdapter } from '../runs/runs';
import { ELEMENT_NODE, TEXT_NODE } from './dom';

export interface DomAdapterOptions {
  /** The skip selector, computed once per annotation (`skipSelector(exclude)`). */
  selector: string;
  /** Whether open shadow roots are walked. */
  shadow: boolean;
  /** Told about every open shadow root the walk enters (the live observer watches it too). */
  onShadowRoot?: (shadowRoot: ShadowRoot) => void;
  /** Told about every node whose children the walk reads (blocks are read again from scratch). */
  onEnter?: (node: Node) => void;
  /** Wrappers of this annotation: walked as inline elements, so a run is read with the text they hold. */
  isOwn?: (element: Element) => boolean;
}

/** How the shared run collector walks a live DOM. */
export function createDomAdapter(options: DomAdapterOptions): TreeAdapter<Node> {
  const { selector, shadow, onShadowRoot, onEnter, isOwn } = options;
  return {
    // A snapshot, not the live NodeList: wrapping inserts siblings while the walk is paused between runs.
    children: onEnter
      ? (node) => {
          onEnter(node);
          return snapshotChildren(node);
        }
      : snapshotChildren,
    kind: (node) =>
      node.nodeType === TEXT_NODE ? 'text' : node.nodeType === ELEMENT_NODE ? 'element' : 'other',
    tagName: (node) => (node as Element).localName,
    isSkipped: (node) => !isOwn?.(node as Element) && (node as Element).matches(selector),
    shadowRoot: (node) => {
      // An own wrapper is inline text here; its shadow root is the element's rendering, not the page's.
      if (!shadow || isOwn?.(node as Element)) return null;
      const root = (node as Element).shadowRoot;
      if (root && onShadowRoot) onShadowRoot(root);
      return root;
    },
  };
}

/** The child nodes as they are now; a plain loop, several times faster than Array.from on a NodeList. */
function snapshotChildren(node: Node): Node[] {
  const list = node.childNodes;
  const length = list.length;
  const children = new Array<Node>(length);
  for (let i = 0; i < length; i++) children[i] = list[i]!;
  return children;
}
