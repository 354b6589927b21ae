import { BOUNDARY_TAGS } from '../runs/rules';
import { DOCUMENT_FRAGMENT_NODE, ELEMENT_NODE, composedParent } from './dom';

/** The blocks holding `nodes` (see `locateBlock`), each once, none inside another. */
export function collectBlocks(nodes: Iterable<Node>, root: Node, selector: string, shadow: boolean): Node[] {
  const blocks = new Set<Node>();
  for (const node of nodes) {
    const block = locateBlock(node, root, selector, shadow);
    if (block) blocks.add(block);
  }
  return [...blocks].filter((block) => !hasAncestorIn(block, blocks, root));
}

/**
 * The block holding `node`: its nearest boundary element, shadow root or `root`. Null when the node is no longer
 * under root, or lies inside a skipped element (checked all the way up to root, across shadow roots).
 */
export function locateBlock(node: Node, root: Node, selector: string, shadow: boolean): Node | null {
  let block: Node | null = null;
  for (let current: Node | null = node; current;) {
    if (current === root) return block ?? root;
    if (current.nodeType === ELEMENT_NODE) {
      const element = current as Element;
      if (element.matches(selector)) return null;
      if (!block && BOUNDARY_TAGS.has(element.localName)) block = element;
      current = element.parentNode;
    } else if (current.nodeType === DOCUMENT_FRAGMENT_NODE && (current as ShadowRoot).host) {
      if (!shadow) return null;
      block ??= current;
      current = (current as ShadowRoot).host;
    } else current = current.parentNode;
  }
  return null;
}

/**
 * The block a run belongs to: the nearest boundary element or shadow root above its first node, else `root`.
 * (The walk reads a run's skip rules on the way down; this only names its block.)
 */
export function findRunBlock(node: Node, root: Node): Node {
  for (let current = node.parentNode; current && current !== root; current = current.parentNode) {
    if (current.nodeType === ELEMENT_NODE && BOUNDARY_TAGS.has((current as Element).localName))
      return current;
    if (current.nodeType === DOCUMENT_FRAGMENT_NODE) return current;
  }
  return root;
}

/** Whether a proper ancestor of `node` (across shadow roots, up to root) is in `blocks`. */
function hasAncestorIn(node: Node, blocks: ReadonlySet<Node>, root: Node): boolean {
  let current: Node | null = node;
  while (current && current !== root) {
    current = composedParent(current);
    if (current && blocks.has(current)) return true;
  }
  return false;
}
