import { isUnder } from '../../live/is-under';
import { createDomAdapter } from '../../live/dom-adapter';
import { OccurrenceIndex } from '../../live/first-occurrences';
import { LiveObserver } from '../../live/observe';
import { dropRemoved, resolveOccurrences } from '../../live/occurrence-moves';
import type { ResolvedOptions } from '../options';
import { TERM_TAG } from '../../runs/rules';
import { runInSlices } from '../../live/schedule';
import { findSharedCard, getSharedCard } from '../../card/card-host';
import type { AnnotateResult } from '../../events/annotate-event';
import { reportError } from '../../events/error-event';
import { findMatchAt } from './hit-test';
import { ACTIVE_HIGHLIGHT, CURRENT_HIGHLIGHT, MATCH_HIGHLIGHT } from './highlight-names';
import { setOnlyRange } from './highlight-registry';
import { adoptHighlightStyles, releaseHighlightStyles } from './highlight-styles';
import { findMatchRanges, type HighlightMatch, type SearchContext } from './match-ranges';
import { createRangeAnchor } from './range-anchor';
import { compareStarts, toLiveRange } from './range-geometry';
import type { DszdTermIndex, IndexEntry } from './dszd-term-index';
import { createTermIndex } from './term-index';
import { VisibleMatches } from './visible-matches';
import { watchPointer } from './watch-pointer';
import { DOCUMENT_FRAGMENT_NODE, DOCUMENT_NODE } from '../../live/dom';
import type { AnnotationSession } from '../session';

type Root = Element | Document | DocumentFragment;

/**
 * Highlight mode: the matches under the root are painted with the CSS Custom Highlight API and the DOM under the
 * root is never changed. The pointer is hit-tested against the matches (hover opens the shared card after its
 * dwell, a tap or click at once, anchored to the match's text); the term index outside the root gives keyboard and
 * screen-reader access. The page's changes are watched in any case: the matches of a changed block go (they
 * would mark the wrong characters), and with `observe` they are found again, each frame.
 */
export class HighlightSession implements AnnotationSession {
  /** Resolves when the first search has finished (or was stopped). */
  readonly done: Promise<AnnotateResult>;
  private readonly _root: Root;
  private readonly _doc: Document;
  private readonly _options: ResolvedOptions;
  private readonly _matches = new Set<HighlightMatch>();
  private readonly _byNode = new WeakMap<Text, HighlightMatch[]>();
  private readonly _occurrences: OccurrenceIndex;
  private readonly _trees = new Set<Document | ShadowRoot>();
  private readonly _abort = new AbortController();
  private readonly _index: DszdTermIndex;
  private readonly _context: SearchContext;
  private readonly _painted: VisibleMatches;
  private _observer: LiveObserver | null = null;
  private _work: Promise<unknown> = Promise.resolve();
  /** Searches queued or running; with the observer's pending batch, whether `settled()` must wait. */
  private _searching = 0;
  private readonly _idle: Array<() => void> = [];
  /** The match under the pointer; the match the card was asked to open for; the match its card is open for. */
  private _hovered: HighlightMatch | undefined;
  private _requested: HighlightMatch | undefined;
  private _opened: HighlightMatch | undefined;
  /** The match reached with Alt+↓ / Alt+↑. */
  private _current: HighlightMatch | undefined;
  private _order: HighlightMatch[] | undefined;

  constructor(root: Root, options: ResolvedOptions, onDone: (result: AnnotateResult) => void) {
    const started = performance.now();
    this._root = root;
    this._options = options;
    this._doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
    this._useTree(this._doc);
    this._painted = new VisibleMatches(this._doc, MATCH_HIGHLIGHT, (error) => this._report(error));
    if (root.nodeType === DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host)
      this._useTree(root as ShadowRoot);
    const index = new OccurrenceIndex(root, options);
    this._occurrences = index;
    const adapter = createDomAdapter({
      selector: options.selector,
      shadow: options.shadow,
      onShadowRoot: (shadowRoot) => {
        this._useTree(shadowRoot);
        this._observer?.watch(shadowRoot);
      },
      onEnter: (node) => index.enter(node),
    });
    this._context = { adapter, set: options.set, index, root, stats: { matches: 0, textNodes: 0 } };
    this._index = createTermIndex(this._doc, root, {
      set: options.set,
      onStep: (direction) => this._step(direction),
      onClose: () => this._markCurrent(undefined),
      onError: (error) => this._report(error),
    });
    this._listenToCard();
    watchPointer(
      this._doc,
      {
        hitTest: (x, y) => findMatchAt(this._doc, x, y, this._byNode, this._shadowRoots()),
        isInside: (target) => target instanceof Node && (root === this._doc || root.contains(target)),
        enter: (match, point) => this._enter(match, point),
        leave: (match) => this._leave(match),
        activate: (match, point) => this._activate(match, point),
        onError: (error) => this._report(error),
      },
      this._abort.signal,
    );
    this._countTerms(root.querySelectorAll(TERM_TAG));
    this._observer = new LiveObserver({
      root,
      selector: options.selector,
      shadow: options.shadow,
      onBatch: (affected) => {
        this._countTerms(affected.terms);
        dropRemoved(this._occurrences, affected.removed);
        // Even with no block to search: what went may have held an entry's first occurrence.
        void this._search(affected.blocks, false);
      },
      onError: (error) => this._report(error),
      onFlushed: () => this._checkIdle(),
    });
    this.done = this._search([root], true).then(() => {
      const result = { ...this._context.stats, ms: performance.now() - started };
      if (!this._abort.signal.aborted) onDone(result);
      return result;
    });
  }

  /** Matches found (painted while on or near the screen). */
  get matches(): number {
    return this._matches.size;
  }

  /** Resolves once the changes the page made so far are searched (see `Annotation.settled`). */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      this._idle.push(resolve);
      // The page's changes not yet delivered to the observer: their batch is scheduled now.
      this._observer?.takeHostRecords();
      this._checkIdle();
    });
  }

  private _checkIdle(): void {
    if (!this._abort.signal.aborted && (this._searching > 0 || this._observer?.pending)) return;
    for (const resolve of this._idle.splice(0)) resolve();
  }

  /** Highlights are not kept past their session (they would go stale without it): stopping removes them. */
  stop(): void {
    void this.remove();
  }

  /** Removes everything it added: highlights, styles, the control, listeners and the observer. Safe twice. */
  remove(): Promise<void> {
    if (this._abort.signal.aborted) return Promise.resolve();
    this._abort.abort();
    this._observer?.disconnect();
    this._observer = null;
    const card = findSharedCard();
    if (card?.trigger && this._index.shadowRoot?.contains(card.trigger)) card.hide();
    // The painted ranges first, block by block: then dropping the matches takes none out one by one.
    this._painted.clear();
    this._drop([...this._matches]);
    setOnlyRange(this._doc, ACTIVE_HIGHLIGHT, undefined);
    setOnlyRange(this._doc, CURRENT_HIGHLIGHT, undefined);
    for (const tree of this._trees) releaseHighlightStyles(tree);
    this._trees.clear();
    this._index.remove();
    this._checkIdle();
    return Promise.resolve();
  }

  /**
   * Finds the matches under the targets again (their old ones go first; without `observe` only that), in time
   * slices, after any search still running. Never rejects.
   */
  private _search(targets: readonly Node[], initial: boolean): Promise<unknown> {
    const signal = this._abort.signal;
    this._searching++;
    this._work = this._work.then(async () => {
      try {
        if (signal.aborted) return;
        if (!initial) this._drop([...this._matches].filter((match) => isStale(match, targets, this._root)));
        const live =
          initial || this._options.observe ? targets.filter((target) => isUnder(target, this._root)) : [];
        const add = (match: HighlightMatch) => this._add(match);
        await runInSlices(searchAll(live, this._context, add), { signal });
        if (signal.aborted) return;
        // "first": an entry whose first occurrence moved is shown at its new first one.
        const { hide, blocks } = resolveOccurrences(this._occurrences, initial);
        this._drop(hide as HighlightMatch[]);
        if (blocks.length) void this._search(blocks, false);
      } catch (error) {
        this._report(error);
      } finally {
        this._searching--;
        if (!signal.aborted) this._index.entries = this._entries();
        this._checkIdle();
      }
    });
    return this._work;
  }

  private _add(match: HighlightMatch): void {
    this._matches.add(match);
    this._order = undefined;
    this._context.stats.matches++;
    for (const node of new Set(match.nodes)) {
      const list = this._byNode.get(node);
      if (list) list.push(match);
      else this._byNode.set(node, [match]);
    }
    this._painted.add(match);
  }

  private _drop(matches: readonly HighlightMatch[]): void {
    if (!matches.length) return;
    this._order = undefined;
    const dropped = new Set(matches);
    // Each node's list filtered once, not once per match: one text node may hold 50,000 matches.
    for (const node of new Set(matches.flatMap((match) => match.nodes))) {
      const list = this._byNode.get(node)?.filter((other) => !dropped.has(other));
      if (list?.length) this._byNode.set(node, list);
      else this._byNode.delete(node);
    }
    for (const match of matches) {
      this._matches.delete(match);
      if (this._hovered === match) this._hovered = undefined;
      if (this._opened === match) this._opened = undefined;
      if (this._current === match) this._markCurrent(undefined);
      this._painted.delete(match);
    }
    this._paintActive();
  }

  /**
   * The entries found, each once, in document order of their first match. One comparison per match: sorting a
   * large page's matches by document position would be a long task.
   */
  private _entries(): IndexEntry[] {
    const first = new Map<number, HighlightMatch>();
    for (const match of this._matches) {
      const known = first.get(match.serial);
      if (!known || compareStarts(match.range, known.range) < 0) first.set(match.serial, match);
    }
    return [...first.values()]
      .sort((a, b) => compareStarts(a.range, b.range))
      .map((match) => ({ serial: match.serial, term: match.term }));
  }

  /** Every match in document order; sorted when first needed after a change (a key press, not every search). */
  private _ordered(): HighlightMatch[] {
    this._order ??= [...this._matches].sort((a, b) => compareStarts(a.range, b.range));
    return this._order;
  }

  /** Alt+↓ / Alt+↑: the next / previous match in the text (wrapping round), scrolled into view and marked. */
  private _step(direction: 1 | -1): number | undefined {
    const ordered = this._ordered();
    if (!ordered.length) return undefined;
    const at = this._current ? ordered.indexOf(this._current) : -1;
    const next =
      at < 0
        ? ordered[direction > 0 ? 0 : ordered.length - 1]!
        : ordered[(at + direction + ordered.length) % ordered.length]!;
    this._markCurrent(next);
    next.nodes[0]?.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    return next.serial;
  }

  private _markCurrent(match: HighlightMatch | undefined): void {
    this._current = match;
    setOnlyRange(this._doc, CURRENT_HIGHLIGHT, match?.range);
  }

  private _enter(match: HighlightMatch, point: { x: number; y: number }): void {
    this._hovered = match;
    this._paintActive();
    const trigger = this._index.triggerFor(match.serial);
    if (!trigger) return;
    const card = getSharedCard(this._doc);
    // The card is open for this entry at another of its matches: it moves here.
    if (card.open && card.trigger === trigger && this._opened !== match) card.hide();
    this._requested = match;
    card.service.hover(trigger, { anchor: createRangeAnchor(toLiveRange(match.range)), point });
  }

  private _leave(match: HighlightMatch): void {
    if (this._hovered === match) this._hovered = undefined;
    if (this._requested === match && this._opened !== match) this._requested = undefined;
    this._paintActive();
    const trigger = this._index.triggerFor(match.serial);
    if (trigger) findSharedCard()?.service.leave(trigger);
  }

  private _activate(match: HighlightMatch, point: { x: number; y: number }): void {
    const trigger = this._index.triggerFor(match.serial);
    if (!trigger) return;
    const card = getSharedCard(this._doc);
    if (card.open && card.trigger === trigger && this._opened !== match) card.hide();
    this._requested = match;
    void card.show(trigger, { anchor: createRangeAnchor(toLiveRange(match.range)), point });
  }

  /** The card tells its trigger (a term in the list) when it opens and closes: the active highlight follows. */
  private _listenToCard(): void {
    const signal = this._abort.signal;
    const host = this._index;
    host.addEventListener(
      'dszd-show',
      (event) => {
        const requested = this._requested;
        // The trigger sits in the control's shadow root: the host sees the event retargeted to itself.
        const trigger = event.composedPath()[0];
        this._opened =
          requested && this._index.triggerFor(requested.serial) === trigger ? requested : undefined;
        this._paintActive();
      },
      { signal },
    );
    host.addEventListener(
      'dszd-hide',
      () => {
        this._opened = undefined;
        this._requested = undefined;
        this._paintActive();
      },
      { signal },
    );
  }

  private _paintActive(): void {
    setOnlyRange(this._doc, ACTIVE_HIGHLIGHT, (this._hovered ?? this._opened)?.range);
  }

  /** "first" counts the terms already tagged on the page. */
  private _countTerms(terms: Iterable<Element>): void {
    this._occurrences.countTagged(terms, () => this._options.set);
  }

  private _useTree(tree: Document | ShadowRoot): void {
    if (this._trees.has(tree)) return;
    this._trees.add(tree);
    adoptHighlightStyles(tree);
  }

  private _shadowRoots(): ShadowRoot[] {
    return [...this._trees].filter((tree): tree is ShadowRoot => tree !== this._doc);
  }

  private _report(error: unknown): void {
    reportError(this._root, error, 'annotate (highlight)');
  }
}

/** The searches of several targets as one sequence of steps. */
function* searchAll(
  targets: readonly Node[],
  context: SearchContext,
  add: (match: HighlightMatch) => void,
): Generator<void, void, undefined> {
  for (const target of targets) yield* findMatchRanges(target, context, add);
}

/** A match to find again: its text left the root, or it lies in one of the blocks the page changed. */
function isStale(match: HighlightMatch, blocks: readonly Node[], root: Node): boolean {
  if (!match.nodes.every((node) => node.isConnected) || !isWithin(match.block, root)) return true;
  return blocks.some((block) => isWithin(match.block, block));
}

/** `ancestor.contains(node)`, native and fast; walked across shadow roots only where the two sit in different trees. */
function isWithin(node: Node, ancestor: Node): boolean {
  return (
    ancestor.contains(node) || (node.getRootNode() !== ancestor.getRootNode() && isUnder(node, ancestor))
  );
}
