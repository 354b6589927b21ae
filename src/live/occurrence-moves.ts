import { collectBlocks, locateBlock } from './affected-blocks';
import { isUnder } from './is-under';
import { DOCUMENT_FRAGMENT_NODE, ELEMENT_NODE } from './dom';
import type { BlockSummary, Occurrence, OccurrenceIndex, Position, Resolution } from './first-occurrences';

type Candidate = { occurrence: Occurrence; summary: BlockSummary };

/**
 * What the occurrence index does once the page changes after the first pass (the drop-in's live stage carries it):
 * forgetting the blocks the page removed, and finding each entry's first occurrence again when it moved or went.
 */

/** Nodes the page removed: what was recorded for the blocks in them goes, unless they are back under the root. */
export function dropRemoved(index: OccurrenceIndex, nodes: Iterable<Node>): void {
  const root = index._settings.root;
  for (const node of nodes) {
    if (node.nodeType !== ELEMENT_NODE || isUnder(node, root)) continue;
    const summary = index._blocks.get(node);
    if (summary) index._dropSummary(summary);
    for (const element of (node as Element).querySelectorAll('*')) {
      const inner = index._blocks.get(element);
      if (inner) index._dropSummary(inner);
    }
  }
}

/**
 * After a round of reading: with "first", each entry whose occurrences changed gets its first occurrence in
 * document order designated. Returns the handles of occurrences no longer to be shown, and the blocks to read
 * again so that the newly designated ones are shown.
 */
export function resolveOccurrences(index: OccurrenceIndex, inOrder = false): Resolution {
  const resolution: Resolution = { hide: [], blocks: [] };
  const { root, selector, shadow, first } = index._settings;
  if (!first) return resolution;
  // A walk of the whole root in document order met each entry's first occurrence first: nothing to compare.
  if (inOrder) index._forgetFresh();
  for (const [serial, designated] of index._designated)
    if (!index._isCurrent(designated.summary) || !isUnder(designated.summary.block, root))
      index._touched.add(serial);
  for (const [serial, elements] of index._tagged) {
    for (const element of elements) if (!isUnder(element, root)) elements.delete(element);
    if (elements.size) continue;
    index._tagged.delete(serial);
    index._touched.add(serial);
  }
  const blocks = new Set<Node>();
  for (const serial of index._touched) {
    const designated = index._designated.get(serial);
    const valid = designated && isValid(index, designated.summary);
    let target: Candidate | undefined;
    if (index._tagged.has(serial)) target = undefined;
    // Still where it was: only what was read since can come before it. Read again (moved?): compare all.
    else if (valid && !index._reread.has(serial))
      target = findEarliest(index, [designated, ...(index._fresh.get(serial) ?? [])]);
    else target = findFirst(index, serial);
    if (designated && target && designated.occurrence === target.occurrence) continue;
    if (designated) {
      index._designated.delete(serial);
      if (designated.handle !== undefined && index._isCurrent(designated.summary)) {
        resolution.hide.push(designated.handle);
        designated.summary.shown--;
        index._shown--;
      }
    }
    if (target) {
      index._designated.set(serial, { ...target, handle: undefined });
      blocks.add(target.summary.block);
    }
  }
  index._touched.clear();
  index._forgetFresh();
  // None inside another: a block read twice in one search would show its matches twice.
  resolution.blocks = collectBlocks(blocks, root, selector, shadow);
  return resolution;
}

/** Current, and its block still annotatable: under the root and not inside a skipped element. */
function isValid(index: OccurrenceIndex, summary: BlockSummary): boolean {
  const { root, selector, shadow } = index._settings;
  return index._isCurrent(summary) && locateBlock(summary.block, root, selector, shadow) !== null;
}

/**
 * The entry's first occurrence over every block that has one: the earliest by position, then checked (a block that
 * left the root or went into a skipped element is dropped, and the next earliest taken). One comparison per block.
 */
function findFirst(index: OccurrenceIndex, serial: number): Candidate | undefined {
  const summaries = index._bySerial.get(serial);
  if (!summaries) return undefined;
  while (true) {
    const candidates: Candidate[] = [];
    for (const summary of summaries) {
      if (!index._isCurrent(summary)) {
        summaries.delete(summary);
        continue;
      }
      const occurrence = summary.occurrences.find((candidate) => candidate.serial === serial);
      if (occurrence) candidates.push({ occurrence, summary });
    }
    const best = findEarliest(index, candidates);
    if (!best || isValid(index, best.summary)) return best;
    index._dropSummary(best.summary);
  }
}

function findEarliest<T extends Candidate>(index: OccurrenceIndex, candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) {
    if (!index._isCurrent(candidate.summary)) continue;
    if (!best || comparePositions(candidate.occurrence, best.occurrence) < 0) best = candidate;
  }
  return best;
}

/**
 * The order the walk reads text in: document order within one tree, a tree's own text before its shadow roots'
 * (as `textRuns` reads them), shadow roots in the order of their hosts.
 */
export function comparePositions(a: Position, b: Position): number {
  if (a.origin === b.origin) return a.offset - b.offset;
  const chainA = hostChain(a.origin);
  const chainB = hostChain(b.origin);
  if (chainA.length !== chainB.length) return chainA.length - chainB.length;
  for (let i = chainA.length - 1; i >= 0; i--) {
    const x = chainA[i]!;
    const y = chainB[i]!;
    if (x === y) continue;
    const relation = x.compareDocumentPosition(y);
    if (relation & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (relation & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  }
  return 0;
}

/** The node, then the host of each shadow root it lies in, outwards. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (
    let root = node.getRootNode();
    root.nodeType === DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host;
  ) {
    const host = (root as ShadowRoot).host;
    chain.push(host);
    root = host.getRootNode();
  }
  return chain;
}
