import type { DefinitionSet } from '../definitions/types';
import { findTermElementSerial } from './term-element';

/** Where a match starts: the host's own text node (never a piece split off it) and the offset in its whole text. */
export interface Position {
  readonly origin: Text;
  readonly offset: number;
}

export interface Occurrence extends Position {
  readonly serial: number;
}

/** Every occurrence found in one block's own runs (not those of blocks inside it), in document order. */
export interface BlockSummary {
  readonly block: Node;
  readonly occurrences: Occurrence[];
  /** Matches of this block shown now (wrapped or highlighted). */
  shown: number;
}

/** The occurrence of an entry that is shown, with what shows it (its wrappers, or its highlight). */
export interface Designated {
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

export interface IndexSettings {
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
 *
 * This class records (what a first pass needs); finding an entry's first occurrence again once the page changed is
 * occurrence-moves.ts (in the drop-in's live stage), which works on the members named `_…`: internal to the two.
 */
export class OccurrenceIndex {
  readonly _settings: IndexSettings;
  readonly _blocks = new Map<Node, BlockSummary>();
  readonly _bySerial = new Map<number, Set<BlockSummary>>();
  readonly _designated = new Map<number, Designated>();
  readonly _tagged = new Map<number, Set<Element>>();
  /** Entries whose occurrences changed since the last `resolveOccurrences()`. */
  readonly _touched = new Set<number>();
  /** Occurrences recorded since the last `resolveOccurrences()`, per entry. */
  readonly _fresh = new Map<number, Array<{ occurrence: Occurrence; summary: BlockSummary }>>();
  /** Entries whose shown occurrence was read again since the last `resolveOccurrences()`: it may have moved. */
  readonly _reread = new Set<number>();
  _shown = 0;

  constructor(root: Node, options: OccurrenceIndexOptions) {
    const { selector, shadow, occurrence } = options;
    this._settings = { root, selector, shadow, first: occurrence === 'first' };
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
    if (!this._settings.first) return;
    for (const term of terms) {
      if (own?.has(term)) continue;
      const serial = findTermElementSerial(term, setOf(term));
      if (serial !== undefined) this.addTagged(serial, term);
    }
  }

  /** A pre-tagged `<dszd-term>` of an entry: with "first", that entry is not shown again while it is there. */
  addTagged(serial: number, element: Element): void {
    if (!this._settings.first) return;
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
    if (!this._settings.first) return true;
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
      // The first one the walk meets; in document order on the initial pass, checked by resolveOccurrences() otherwise.
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

  /** After a walk of the whole root in document order: what it recorded needs no comparing (see occurrence-moves.ts). */
  _forgetFresh(): void {
    this._fresh.clear();
    this._reread.clear();
  }

  _dropSummary(summary: BlockSummary): void {
    this._blocks.delete(summary.block);
    this._shown -= summary.shown;
    for (const occurrence of summary.occurrences) {
      this._bySerial.get(occurrence.serial)?.delete(summary);
      this._touched.add(occurrence.serial);
    }
  }

  /** Whether a summary is the block's current one (not replaced by a later reading or dropped). */
  _isCurrent(summary: BlockSummary): boolean {
    return this._blocks.get(summary.block) === summary;
  }
}
