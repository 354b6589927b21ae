import { collectBlocks, isUnder, locateBlock } from './affected-blocks';
import { getPieceOrigin } from './wrap';

const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;

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
  readonly #options: IndexSettings;
  readonly #blocks = new Map<Node, BlockSummary>();
  readonly #bySerial = new Map<number, Set<BlockSummary>>();
  readonly #designated = new Map<number, Designated>();
  readonly #tagged = new Map<number, Set<Element>>();
  /** Entries whose occurrences changed since the last `resolve()`. */
  readonly #touched = new Set<number>();
  /** Occurrences recorded since the last `resolve()`, per entry. */
  readonly #fresh = new Map<number, Array<{ occurrence: Occurrence; summary: BlockSummary }>>();
  /** Entries whose shown occurrence was read again since the last `resolve()`: it may have moved. */
  readonly #reread = new Set<number>();
  #shown = 0;

  constructor(root: Node, options: OccurrenceIndexOptions) {
    const { selector, shadow, occurrence } = options;
    this.#options = { root, selector, shadow, first: occurrence === 'first' };
  }

  /** Matches shown now, over every block read. */
  get shown(): number {
    return this.#shown;
  }

  /** The walk reads a node's children: if it is a block, what was recorded for it goes (it is read again). */
  enter(node: Node): void {
    const summary = this.#blocks.get(node);
    if (summary) this.#dropSummary(summary);
  }

  /** A pre-tagged `<dszd-term>` of an entry: with "first", that entry is not shown again while it is there. */
  addTagged(serial: number, element: Element): void {
    if (!this.#options.first) return;
    let elements = this.#tagged.get(serial);
    if (!elements) this.#tagged.set(serial, (elements = new Set()));
    elements.add(element);
    this.#touched.add(serial);
  }

  /** Records an occurrence found in a block's run; returns whether it is to be shown. */
  record(block: Node, serial: number, position: Position): boolean {
    let summary = this.#blocks.get(block);
    if (!summary) {
      summary = { block, occurrences: [], shown: 0 };
      this.#blocks.set(block, summary);
    }
    // "all" shows every occurrence: only the count is kept.
    if (!this.#options.first) return true;
    const occurrence = { serial, origin: position.origin, offset: position.offset };
    summary.occurrences.push(occurrence);
    let summaries = this.#bySerial.get(serial);
    if (!summaries) this.#bySerial.set(serial, (summaries = new Set()));
    summaries.add(summary);
    this.#touched.add(serial);
    let fresh = this.#fresh.get(serial);
    if (!fresh) this.#fresh.set(serial, (fresh = []));
    fresh.push({ occurrence, summary });
    if (this.#tagged.has(serial)) return false;
    const designated = this.#designated.get(serial);
    if (!designated) {
      // The first one the walk meets; in document order on the initial pass, checked by resolve() otherwise.
      this.#designated.set(serial, { occurrence, summary, handle: undefined });
      return true;
    }
    if (designated.occurrence.origin !== position.origin || designated.occurrence.offset !== position.offset)
      return false;
    designated.occurrence = occurrence;
    designated.summary = summary;
    this.#reread.add(serial);
    return true;
  }

  /**
   * What was recorded for a block so far: a token that `showed` takes, and that stops being current when the block
   * is read again (a paused walk must not count, or go on wrapping, what a newer reading decided).
   */
  summaryOf(block: Node): object | undefined {
    return this.#blocks.get(block);
  }

  /** A recorded occurrence was shown (`handle`: its wrappers or its highlight); it counts in `shown`. */
  showed(token: object | undefined, serial: number, handle: unknown): void {
    const summary = token as BlockSummary | undefined;
    if (!summary || !this.#isCurrent(summary)) return;
    summary.shown++;
    this.#shown++;
    const designated = this.#designated.get(serial);
    if (designated && designated.summary === summary) designated.handle = handle;
  }

  /** Nodes the page removed: what was recorded for the blocks in them goes, unless they are back under the root. */
  dropRemoved(nodes: Iterable<Node>): void {
    const root = this.#options.root;
    for (const node of nodes) {
      if (node.nodeType !== ELEMENT_NODE || isUnder(node, root)) continue;
      const summary = this.#blocks.get(node);
      if (summary) this.#dropSummary(summary);
      for (const element of (node as Element).querySelectorAll('*')) {
        const inner = this.#blocks.get(element);
        if (inner) this.#dropSummary(inner);
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
    if (!this.#options.first) return resolution;
    // A walk of the whole root in document order met each entry's first occurrence first: nothing to compare.
    if (inOrder) {
      this.#fresh.clear();
      this.#reread.clear();
    }
    const root = this.#options.root;
    for (const [serial, designated] of this.#designated)
      if (!this.#isCurrent(designated.summary) || !isUnder(designated.summary.block, root))
        this.#touched.add(serial);
    for (const [serial, elements] of this.#tagged) {
      for (const element of elements) if (!isUnder(element, root)) elements.delete(element);
      if (elements.size) continue;
      this.#tagged.delete(serial);
      this.#touched.add(serial);
    }
    const blocks = new Set<Node>();
    for (const serial of this.#touched) {
      const designated = this.#designated.get(serial);
      const valid = designated && this.#isValid(designated.summary);
      let target: { occurrence: Occurrence; summary: BlockSummary } | undefined;
      if (this.#tagged.has(serial)) target = undefined;
      // Still where it was: only what was read since can come before it. Read again (moved?): compare all.
      else if (valid && !this.#reread.has(serial))
        target = this.#earliest([designated, ...(this.#fresh.get(serial) ?? [])]);
      else target = this.#findFirst(serial);
      if (designated && target && designated.occurrence === target.occurrence) continue;
      if (designated) {
        this.#designated.delete(serial);
        if (designated.handle !== undefined && this.#isCurrent(designated.summary)) {
          resolution.hide.push(designated.handle);
          designated.summary.shown--;
          this.#shown--;
        }
      }
      if (target) {
        this.#designated.set(serial, { ...target, handle: undefined });
        blocks.add(target.summary.block);
      }
    }
    this.#touched.clear();
    this.#fresh.clear();
    this.#reread.clear();
    // None inside another: a block read twice in one search would show its matches twice.
    resolution.blocks = collectBlocks(blocks, root, this.#options.selector, this.#options.shadow);
    return resolution;
  }

  #dropSummary(summary: BlockSummary): void {
    this.#blocks.delete(summary.block);
    this.#shown -= summary.shown;
    for (const occurrence of summary.occurrences) {
      this.#bySerial.get(occurrence.serial)?.delete(summary);
      this.#touched.add(occurrence.serial);
    }
  }

  /** Whether a summary is the block's current one (not replaced by a later reading or dropped). */
  #isCurrent(summary: BlockSummary): boolean {
    return this.#blocks.get(summary.block) === summary;
  }

  /** Current, and its block still annotatable: under the root and not inside a skipped element. */
  #isValid(summary: BlockSummary): boolean {
    const { root, selector, shadow } = this.#options;
    return this.#isCurrent(summary) && locateBlock(summary.block, root, selector, shadow) !== null;
  }

  /**
   * The entry's first occurrence over every block that has one: the earliest by position, then checked (a block that
   * left the root or went into a skipped element is dropped, and the next earliest taken). One comparison per block.
   */
  #findFirst(serial: number): { occurrence: Occurrence; summary: BlockSummary } | undefined {
    const summaries = this.#bySerial.get(serial);
    if (!summaries) return undefined;
    while (true) {
      const candidates: Array<{ occurrence: Occurrence; summary: BlockSummary }> = [];
      for (const summary of summaries) {
        if (!this.#isCurrent(summary)) {
          summaries.delete(summary);
          continue;
        }
        const occurrence = summary.occurrences.find((candidate) => candidate.serial === serial);
        if (occurrence) candidates.push({ occurrence, summary });
      }
      const best = this.#earliest(candidates);
      if (!best || this.#isValid(best.summary)) return best;
      this.#dropSummary(best.summary);
    }
  }

  #earliest<T extends { occurrence: Occurrence; summary: BlockSummary }>(
    candidates: readonly T[],
  ): T | undefined {
    let best: T | undefined;
    for (const candidate of candidates) {
      if (!this.#isCurrent(candidate.summary)) continue;
      if (!best || comparePositions(candidate.occurrence, best.occurrence) < 0) best = candidate;
    }
    return best;
  }
}

/**
 * Where a match starting at `start` of a run's joined text begins, as a position that wrapping and unwrapping do
 * not change: the host's node it lies in and the offset in that node's whole text (its own and its pieces').
 */
export function findPosition(nodes: readonly Text[], texts: readonly string[], start: number): Position {
  let origin: Text | undefined;
  let base = 0;
  let at = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const nodeOrigin = getPieceOrigin(node) ?? node;
    if (nodeOrigin !== origin) {
      origin = nodeOrigin;
      base = 0;
    }
    const length = texts[i]!.length;
    if (start < at + length || i === nodes.length - 1) return { origin, offset: base + start - at };
    base += length;
    at += length;
  }
  throw new RangeError('findPosition: empty run');
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
