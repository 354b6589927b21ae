import { BOUNDARY_TAGS, TERM_TAG } from '../runs/rules';
import { DOCUMENT_FRAGMENT_NODE, ELEMENT_NODE, TEXT_NODE, composedParent } from './dom';

/** Where the host's mutations need annotating again. */
export interface AffectedBlocks {
  /** Blocks (boundary elements, shadow roots or the root) whose runs changed; none inside another. */
  blocks: Node[];
  /** <dszd-term> elements the host added (they count for "first"). */
  terms: Element[];
  /** Nodes the host removed (what was recorded for them goes, unless they are back under the root). */
  removed: Node[];
}

/**
 * Turns the host's mutation records into the smallest set of blocks to annotate again: a run never crosses a
 * boundary element, so a change re-reads only the block around it (or the added block itself).
 */
export function findAffectedBlocks(
  records: readonly MutationRecord[],
  root: Node,
  selector: string,
  shadow: boolean,
): AffectedBlocks {
  const starts = new Set<Node>();
  const terms: Element[] = [];
  const removed: Node[] = [];
  for (const record of records) {
    if (record.type === 'characterData') {
      if (record.target.nodeType === TEXT_NODE) starts.add(record.target);
      continue;
    }
    if (record.type !== 'childList') continue;
    // Removing a node can join the text on either side of it into one run.
    if (record.removedNodes.length) starts.add(record.target);
    for (const node of record.removedNodes) removed.push(node);
    for (const added of record.addedNodes) {
      if (added.nodeType === ELEMENT_NODE) {
        const element = added as Element;
        if (element.localName === TERM_TAG) terms.push(element);
        terms.push(...element.querySelectorAll(TERM_TAG));
        // A skipped element (the shared card in <body>, a script, a term) brings no text: its insertion is no
        // reason to read the block around it again (for <body> that would be the whole page).
        if (element.matches(selector)) continue;
        // An added block is read on its own; an added inline element or text joins the runs of its parent's block.
        const standsAlone = BOUNDARY_TAGS.has(element.localName) && !(shadow && element.shadowRoot);
        starts.add(standsAlone ? element : record.target);
      } else if (added.nodeType === TEXT_NODE) starts.add(record.target);
    }
  }
  return { blocks: collectBlocks(starts, root, selector, shadow), terms, removed };
}

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

/** Whether `node` is `ancestor` or lies under it (across shadow roots). */
export function isUnder(node: Node, ancestor: Node): boolean {
  if (ancestor.contains(node)) return true;
  for (let current: Node | null = node; current;) {
    if (current === ancestor) return true;
    current = composedParent(current);
  }
  return false;
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
