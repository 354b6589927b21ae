import type { DefinitionSet } from '../definitions/types';
import { collectBlocks, isUnder, locateBlock } from './affected-blocks';
import { DOCUMENT_FRAGMENT_NODE, ELEMENT_NODE } from './dom';
import { findTermElementSerial } from './term-element';

/** Where a match starts: the host's own text node (never a piece split off it) and the offset in its whole text. */
export interface Position {
  readonly origin: Text;
  readonly offset: number;
}

interface Occurrence extends Position {
  readonly serial: number;
}

/** Every occurrence found in one block's own runs (not those of blocks inside it), in document order. */
interface BlockSummary {
  readonly block: Node;
  readonly occurrences: Occurrence[];
  /** Matches of this block shown now (wrapped or highlighted). */
  shown: number;
}

/** The occurrence of an entry that is shown, with what shows it (its wrappers, or its highlight). */
interface Designated {
  occurrence: Occurrence;
  summary: BlockSummary;
  handle: unknown;
}

/** What the owner must do after a round of changes: hide these (handles), and read these blocks again. */
export interface Resolution {
  hide: unknown[];
  blocks: Node[];
}

export interface OccurrenceIndexOptions {
  /** The annotation's skip selector. */
  selector: string;
  shadow: boolean;
  /** "first": one occurrence per entry is shown; "all": every one. */
  occurrence: 'first' | 'all';
}

interface IndexSettings {
  root: Node;
  selector: string;
  shadow: boolean;
  first: boolean;
}

/**
 * The one record of what is annotated now, shared by wrap and highlight mode. Every block read keeps a summary of
 * all the occurrences in its runs (shown or not), so when the shown occurrence of an entry goes (its text rewritten,
 * moved, or an ancestor removed) the next one is found from the summaries, and only its block is read again: the
 * cost stays with what changed, never a rescan of the root. Pre-tagged `<dszd-term>` elements of an entry count as
 * its annotation ("first").
 */
export class OccurrenceIndex {
  private readonly _options: IndexSettings;
  private readonly _blocks = new Map<Node, BlockSummary>();
  private readonly _bySerial = new Map<number, Set<BlockSummary>>();
  private readonly _designated = new Map<number, Designated>();
  private readonly _tagged = new Map<number, Set<Element>>();
  /** Entries whose occurrences changed since the last `resolve()`. */
  private readonly _touched = new Set<number>();
  /** Occurrences recorded since the last `resolve()`, per entry. */
  private readonly _fresh = new Map<number, Array<{ occurrence: Occurrence; summary: BlockSummary }>>();
  /** Entries whose shown occurrence was read again since the last `resolve()`: it may have moved. */
  private readonly _reread = new Set<number>();
  private _shown = 0;

  constructor(root: Node, options: OccurrenceIndexOptions) {
    const { selector, shadow, occurrence } = options;
    this._options = { root, selector, shadow, first: occurrence === 'first' };
  }

  /** Matches shown now, over every block read. */
  get shown(): number {
    return this._shown;
  }

  /** The walk reads a node's children: if it is a block, what was recorded for it goes (it is read again). */
  enter(node: Node): void {
    const summary = this._blocks.get(node);
    if (summary) this._dropSummary(summary);
  }

  /**
   * "first" counts the terms already on the page: each pre-tagged `<dszd-term>` (not one of `own`, the annotation's
   * own wrappers) stands for its entry, resolved as the element itself resolves it (in the set `setOf` gives).
   */
  countTagged(
    terms: Iterable<Element>,
    setOf: (term: Element) => DefinitionSet | undefined,
    own?: WeakSet<Element>,
  ): void {
    if (!this._options.first) return;
    for (const term of terms) {
      if (own?.has(term)) continue;
      const serial = findTermElementSerial(term, setOf(term));
      if (serial !== undefined) this.addTagged(serial, term);
    }
  }

  /** A pre-tagged `<dszd-term>` of an entry: with "first", that entry is not shown again while it is there. */
  addTagged(serial: number, element: Element): void {
    if (!this._options.first) return;
    let elements = this._tagged.get(serial);
    if (!elements) this._tagged.set(serial, (elements = new Set()));
    elements.add(element);
    this._touched.add(serial);
  }

  /** Records an occurrence found in a block's run; returns whether it is to be shown. */
  record(block: Node, serial: number, position: Position): boolean {
    let summary = this._blocks.get(block);
    if (!summary) {
      summary = { block, occurrences: [], shown: 0 };
      this._blocks.set(block, summary);
    }
    // "all" shows every occurrence: only the count is kept.
    if (!this._options.first) return true;
    const occurrence = { serial, origin: position.origin, offset: position.offset };
    summary.occurrences.push(occurrence);
    let summaries = this._bySerial.get(serial);
    if (!summaries) this._bySerial.set(serial, (summaries = new Set()));
    summaries.add(summary);
    this._touched.add(serial);
    let fresh = this._fresh.get(serial);
    if (!fresh) this._fresh.set(serial, (fresh = []));
    fresh.push({ occurrence, summary });
    if (this._tagged.has(serial)) return false;
    const designated = this._designated.get(serial);
    if (!designated) {
      // The first one the walk meets; in document order on the initial pass, checked by resolve() otherwise.
      this._designated.set(serial, { occurrence, summary, handle: undefined });
      return true;
    }
    if (designated.occurrence.origin !== position.origin || designated.occurrence.offset !== position.offset)
      return false;
    designated.occurrence = occurrence;
    designated.summary = summary;
    this._reread.add(serial);
    return true;
  }

  /**
   * What was recorded for a block so far: a token that `showed` takes, and that stops being current when the block
   * is read again (a paused walk must not count, or go on wrapping, what a newer reading decided).
   */
  summaryOf(block: Node): object | undefined {
    return this._blocks.get(block);
  }

  /** A recorded occurrence was shown (`handle`: its wrappers or its highlight); it counts in `shown`. */
  showed(token: object | undefined, serial: number, handle: unknown): void {
    const summary = token as BlockSummary | undefined;
    if (!summary || !this._isCurrent(summary)) return;
    summary.shown++;
    this._shown++;
    const designated = this._designated.get(serial);
    if (designated && designated.summary === summary) designated.handle = handle;
  }

  /** Nodes the page removed: what was recorded for the blocks in them goes, unless they are back under the root. */
  dropRemoved(nodes: Iterable<Node>): void {
    const root = this._options.root;
    for (const node of nodes) {
      if (node.nodeType !== ELEMENT_NODE || isUnder(node, root)) continue;
      const summary = this._blocks.get(node);
      if (summary) this._dropSummary(summary);
      for (const element of (node as Element).querySelectorAll('*')) {
        const inner = this._blocks.get(element);
        if (inner) this._dropSummary(inner);
      }
    }
  }

  /**
   * After a round of reading: with "first", each entry whose occurrences changed gets its first occurrence in
   * document order designated. Returns the handles of occurrences no longer to be shown, and the blocks to read
   * again so that the newly designated ones are shown.
   */
  resolve(inOrder = false): Resolution {
    const resolution: Resolution = { hide: [], blocks: [] };
    if (!this._options.first) return resolution;
    // A walk of the whole root in document order met each entry's first occurrence first: nothing to compare.
    if (inOrder) {
      this._fresh.clear();
      this._reread.clear();
    }
    const root = this._options.root;
    for (const [serial, designated] of this._designated)
      if (!this._isCurrent(designated.summary) || !isUnder(designated.summary.block, root))
        this._touched.add(serial);
    for (const [serial, elements] of this._tagged) {
      for (const element of elements) if (!isUnder(element, root)) elements.delete(element);
      if (elements.size) continue;
      this._tagged.delete(serial);
      this._touched.add(serial);
    }
    const blocks = new Set<Node>();
    for (const serial of this._touched) {
      const designated = this._designated.get(serial);
      const valid = designated && this._isValid(designated.summary);
      let target: { occurrence: Occurrence; summary: BlockSummary } | undefined;
      if (this._tagged.has(serial)) target = undefined;
      // Still where it was: only what was read since can come before it. Read again (moved?): compare all.
      else if (valid && !this._reread.has(serial))
        target = this._earliest([designated, ...(this._fresh.get(serial) ?? [])]);
      else target = this._findFirst(serial);
      if (designated && target && designated.occurrence === target.occurrence) continue;
      if (designated) {
        this._designated.delete(serial);
        if (designated.handle !== undefined && this._isCurrent(designated.summary)) {
          resolution.hide.push(designated.handle);
          designated.summary.shown--;
          this._shown--;
        }
      }
      if (target) {
        this._designated.set(serial, { ...target, handle: undefined });
        blocks.add(target.summary.block);
      }
    }
    this._touched.clear();
    this._fresh.clear();
    this._reread.clear();
    // None inside another: a block read twice in one search would show its matches twice.
    resolution.blocks = collectBlocks(blocks, root, this._options.selector, this._options.shadow);
    return resolution;
  }

  private _dropSummary(summary: BlockSummary): void {
    this._blocks.delete(summary.block);
    this._shown -= summary.shown;
    for (const occurrence of summary.occurrences) {
      this._bySerial.get(occurrence.serial)?.delete(summary);
      this._touched.add(occurrence.serial);
    }
  }

  /** Whether a summary is the block's current one (not replaced by a later reading or dropped). */
  private _isCurrent(summary: BlockSummary): boolean {
    return this._blocks.get(summary.block) === summary;
  }

  /** Current, and its block still annotatable: under the root and not inside a skipped element. */
  private _isValid(summary: BlockSummary): boolean {
    const { root, selector, shadow } = this._options;
    return this._isCurrent(summary) && locateBlock(summary.block, root, selector, shadow) !== null;
  }

  /**
   * The entry's first occurrence over every block that has one: the earliest by position, then checked (a block that
   * left the root or went into a skipped element is dropped, and the next earliest taken). One comparison per block.
   */
  private _findFirst(serial: number): { occurrence: Occurrence; summary: BlockSummary } | undefined {
    const summaries = this._bySerial.get(serial);
    if (!summaries) return undefined;
    while (true) {
      const candidates: Array<{ occurrence: Occurrence; summary: BlockSummary }> = [];
      for (const summary of summaries) {
        if (!this._isCurrent(summary)) {
          summaries.delete(summary);
          continue;
        }
        const occurrence = summary.occurrences.find((candidate) => candidate.serial === serial);
        if (occurrence) candidates.push({ occurrence, summary });
      }
      const best = this._earliest(candidates);
      if (!best || this._isValid(best.summary)) return best;
      this._dropSummary(best.summary);
    }
  }

  private _earliest<T extends { occurrence: Occurrence; summary: BlockSummary }>(
    candidates: readonly T[],
  ): T | undefined {
    let best: T | undefined;
    for (const candidate of candidates) {
      if (!this._isCurrent(candidate.summary)) continue;
      if (!best || comparePositions(candidate.occurrence, best.occurrence) < 0) best = candidate;
    }
    return best;
  }
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
