import { BOUNDARY_TAGS, TERM_TAG } from '../runs/rules';
import { collectBlocks } from './affected-blocks';
import { ELEMENT_NODE, TEXT_NODE } from './dom';

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
