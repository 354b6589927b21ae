import { isUnder } from '../annotate/affected-blocks';
import { createDomAdapter } from '../annotate/dom-adapter';
import { OccurrenceIndex } from '../annotate/first-occurrences';
import { LiveObserver } from '../annotate/observe';
import type { ResolvedOptions } from '../annotate/options';
import { TERM_TAG } from '../annotate/rules';
import { runInSlices } from '../annotate/schedule';
import { findTermElementSerial } from '../annotate/term-element';
import { findSharedCard, getSharedCard } from '../card/card-host';
import type { AnnotateResult } from '../events/annotate-event';
import { reportError } from '../events/error-event';
import { findMatchAt } from './hit-test';
import { ACTIVE_HIGHLIGHT, CURRENT_HIGHLIGHT, MATCH_HIGHLIGHT } from './highlight-names';
import { setOnlyRange } from './highlight-registry';
import { adoptHighlightStyles, releaseHighlightStyles } from './highlight-styles';
import { findMatchRanges, type HighlightMatch, type SearchContext } from './match-ranges';
import { createRangeAnchor } from './range-anchor';
import { compareStarts, toLiveRange } from './range-geometry';
import { TermIndex, type IndexEntry } from './term-index';
import { VisibleMatches } from './visible-matches';
import { watchPointer } from './watch-pointer';

const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

type Root = Element | Document | DocumentFragment;

/**
 * Highlight mode: the matches under the root are painted with the CSS Custom Highlight API and the DOM under the
 * root is never changed. The pointer is hit-tested against the matches (hover opens the shared card after its
 * dwell, a tap or click at once, anchored to the match's text); a `TermIndex` outside the root gives keyboard and
 * screen-reader access. The page's changes are watched in any case: the matches of a changed block go (they
 * would mark the wrong characters), and with `observe` they are found again, each frame.
 */
export class HighlightSession {
  /** Resolves when the first search has finished (or was stopped). */
  readonly done: Promise<AnnotateResult>;
  readonly #root: Root;
  readonly #doc: Document;
  readonly #options: ResolvedOptions;
  readonly #matches = new Set<HighlightMatch>();
  readonly #byNode = new WeakMap<Text, HighlightMatch[]>();
  readonly #occurrences: OccurrenceIndex;
  readonly #trees = new Set<Document | ShadowRoot>();
  readonly #abort = new AbortController();
  readonly #index: TermIndex;
  readonly #context: SearchContext;
  readonly #painted: VisibleMatches;
  #observer: LiveObserver | null = null;
  #work: Promise<unknown> = Promise.resolve();
  /** Searches queued or running; with the observer's pending batch, whether `settled()` must wait. */
  #searching = 0;
  readonly #idle: Array<() => void> = [];
  /** The match under the pointer; the match the card was asked to open for; the match its card is open for. */
  #hovered: HighlightMatch | undefined;
  #requested: HighlightMatch | undefined;
  #opened: HighlightMatch | undefined;
  /** The match reached with Alt+↓ / Alt+↑. */
  #current: HighlightMatch | undefined;
  #order: HighlightMatch[] | undefined;

  constructor(root: Root, options: ResolvedOptions, onDone: (result: AnnotateResult) => void) {
    const started = performance.now();
    this.#root = root;
    this.#options = options;
    this.#doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
    this.#useTree(this.#doc);
    this.#painted = new VisibleMatches(this.#doc, MATCH_HIGHLIGHT, (error) => this.#report(error));
    if (root.nodeType === DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host)
      this.#useTree(root as ShadowRoot);
    const index = new OccurrenceIndex(root, options);
    this.#occurrences = index;
    const adapter = createDomAdapter({
      selector: options.selector,
      shadow: options.shadow,
      onShadowRoot: (shadowRoot) => {
        this.#useTree(shadowRoot);
        this.#observer?.watch(shadowRoot);
      },
      onEnter: (node) => index.enter(node),
    });
    this.#context = { adapter, set: options.set, index, root, stats: { matches: 0, textNodes: 0 } };
    this.#index = new TermIndex(this.#doc, root, {
      set: options.set,
      onStep: (direction) => this.#step(direction),
      onClose: () => this.#markCurrent(undefined),
      onError: (error) => this.#report(error),
    });
    this.#listenToCard();
    watchPointer(
      this.#doc,
      {
        hitTest: (x, y) => findMatchAt(this.#doc, x, y, this.#byNode, this.#shadowRoots()),
        isInside: (target) => target instanceof Node && (root === this.#doc || root.contains(target)),
        enter: (match, point) => this.#enter(match, point),
        leave: (match) => this.#leave(match),
        activate: (match, point) => this.#activate(match, point),
        onError: (error) => this.#report(error),
      },
      this.#abort.signal,
    );
    this.#countTerms(root.querySelectorAll(TERM_TAG));
    this.#observer = new LiveObserver({
      root,
      selector: options.selector,
      shadow: options.shadow,
      onBatch: (affected) => {
        this.#countTerms(affected.terms);
        this.#occurrences.dropRemoved(affected.removed);
        // Even with no block to search: what went may have held an entry's first occurrence.
        void this.#search(affected.blocks, false);
      },
      onError: (error) => this.#report(error),
      onFlushed: () => this.#checkIdle(),
    });
    this.done = this.#search([root], true).then(() => {
      const result = { ...this.#context.stats, ms: performance.now() - started };
      if (!this.#abort.signal.aborted) onDone(result);
      return result;
    });
  }

  /** Matches found (painted while on or near the screen). */
  get matches(): number {
    return this.#matches.size;
  }

  /** Resolves once the changes the page made so far are searched (see `Annotation.settled`). */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      this.#idle.push(resolve);
      // The page's changes not yet delivered to the observer: their batch is scheduled now.
      this.#observer?.takeHostRecords();
      this.#checkIdle();
    });
  }

  #checkIdle(): void {
    if (!this.#abort.signal.aborted && (this.#searching > 0 || this.#observer?.pending)) return;
    for (const resolve of this.#idle.splice(0)) resolve();
  }

  /** Removes everything it added: highlights, styles, the control, listeners and the observer. Safe twice. */
  remove(): void {
    if (this.#abort.signal.aborted) return;
    this.#abort.abort();
    this.#observer?.disconnect();
    this.#observer = null;
    const card = findSharedCard();
    if (card?.trigger && this.#index.host.shadowRoot?.contains(card.trigger)) card.hide();
    this.#drop([...this.#matches]);
    this.#painted.clear();
    setOnlyRange(this.#doc, ACTIVE_HIGHLIGHT, undefined);
    setOnlyRange(this.#doc, CURRENT_HIGHLIGHT, undefined);
    for (const tree of this.#trees) releaseHighlightStyles(tree);
    this.#trees.clear();
    this.#index.remove();
    this.#checkIdle();
  }

  /**
   * Finds the matches under the targets again (their old ones go first; without `observe` only that), in time
   * slices, after any search still running. Never rejects.
   */
  #search(targets: readonly Node[], initial: boolean): Promise<unknown> {
    const signal = this.#abort.signal;
    this.#searching++;
    this.#work = this.#work.then(async () => {
      try {
        if (signal.aborted) return;
        if (!initial) this.#drop([...this.#matches].filter((match) => isStale(match, targets, this.#root)));
        const live =
          initial || this.#options.observe ? targets.filter((target) => isUnder(target, this.#root)) : [];
        const add = (match: HighlightMatch) => this.#add(match);
        await runInSlices(searchAll(live, this.#context, add), { signal });
        if (signal.aborted) return;
        // "first": an entry whose first occurrence moved is shown at its new first one.
        const { hide, blocks } = this.#occurrences.resolve(initial);
        this.#drop(hide as HighlightMatch[]);
        if (blocks.length) void this.#search(blocks, false);
      } catch (error) {
        this.#report(error);
      } finally {
        this.#searching--;
        if (!signal.aborted) this.#index.update(this.#entries());
        this.#checkIdle();
      }
    });
    return this.#work;
  }

  #add(match: HighlightMatch): void {
    this.#matches.add(match);
    this.#order = undefined;
    this.#context.stats.matches++;
    for (const node of new Set(match.nodes)) {
      const list = this.#byNode.get(node);
      if (list) list.push(match);
      else this.#byNode.set(node, [match]);
    }
    this.#painted.add(match);
  }

  #drop(matches: readonly HighlightMatch[]): void {
    if (!matches.length) return;
    this.#order = undefined;
    for (const match of matches) {
      this.#matches.delete(match);
      for (const node of match.nodes) {
        const list = this.#byNode.get(node)?.filter((other) => other !== match);
        if (list?.length) this.#byNode.set(node, list);
        else this.#byNode.delete(node);
      }
      if (this.#hovered === match) this.#hovered = undefined;
      if (this.#opened === match) this.#opened = undefined;
      if (this.#current === match) this.#markCurrent(undefined);
      this.#painted.delete(match);
    }
    this.#paintActive();
  }

  /**
   * The entries found, each once, in document order of their first match. One comparison per match: sorting a
   * large page's matches by document position would be a long task.
   */
  #entries(): IndexEntry[] {
    const first = new Map<number, HighlightMatch>();
    for (const match of this.#matches) {
      const known = first.get(match.serial);
      if (!known || compareStarts(match.range, known.range) < 0) first.set(match.serial, match);
    }
    return [...first.values()]
      .sort((a, b) => compareStarts(a.range, b.range))
      .map((match) => ({ serial: match.serial, term: match.term }));
  }

  /** Every match in document order; sorted when first needed after a change (a key press, not every search). */
  #ordered(): HighlightMatch[] {
    this.#order ??= [...this.#matches].sort((a, b) => compareStarts(a.range, b.range));
    return this.#order;
  }

  /** Alt+↓ / Alt+↑: the next / previous match in the text (wrapping round), scrolled into view and marked. */
  #step(direction: 1 | -1): number | undefined {
    const ordered = this.#ordered();
    if (!ordered.length) return undefined;
    const at = this.#current ? ordered.indexOf(this.#current) : -1;
    const next =
      at < 0
        ? ordered[direction > 0 ? 0 : ordered.length - 1]!
        : ordered[(at + direction + ordered.length) % ordered.length]!;
    this.#markCurrent(next);
    next.nodes[0]?.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    return next.serial;
  }

  #markCurrent(match: HighlightMatch | undefined): void {
    this.#current = match;
    setOnlyRange(this.#doc, CURRENT_HIGHLIGHT, match?.range);
  }

  #enter(match: HighlightMatch, point: { x: number; y: number }): void {
    this.#hovered = match;
    this.#paintActive();
    const trigger = this.#index.triggerFor(match.serial);
    if (!trigger) return;
    const card = getSharedCard(this.#doc);
    // The card is open for this entry at another of its matches: it moves here.
    if (card.open && card.trigger === trigger && this.#opened !== match) card.hide();
    this.#requested = match;
    card.hoverTrigger(trigger, { anchor: createRangeAnchor(toLiveRange(match.range)), point });
  }

  #leave(match: HighlightMatch): void {
    if (this.#hovered === match) this.#hovered = undefined;
    if (this.#requested === match && this.#opened !== match) this.#requested = undefined;
    this.#paintActive();
    const trigger = this.#index.triggerFor(match.serial);
    if (trigger) findSharedCard()?.leaveTrigger(trigger);
  }

  #activate(match: HighlightMatch, point: { x: number; y: number }): void {
    const trigger = this.#index.triggerFor(match.serial);
    if (!trigger) return;
    const card = getSharedCard(this.#doc);
    if (card.open && card.trigger === trigger && this.#opened !== match) card.hide();
    this.#requested = match;
    void card.showFor(trigger, { anchor: createRangeAnchor(toLiveRange(match.range)), point });
  }

  /** The card tells its trigger (a term in the list) when it opens and closes: the active highlight follows. */
  #listenToCard(): void {
    const signal = this.#abort.signal;
    const host = this.#index.host;
    host.addEventListener(
      'dszd-show',
      (event) => {
        const requested = this.#requested;
        // The trigger sits in the control's shadow root: the host sees the event retargeted to itself.
        const trigger = event.composedPath()[0];
        this.#opened =
          requested && this.#index.triggerFor(requested.serial) === trigger ? requested : undefined;
        this.#paintActive();
      },
      { signal },
    );
    host.addEventListener(
      'dszd-hide',
      () => {
        this.#opened = undefined;
        this.#requested = undefined;
        this.#paintActive();
      },
      { signal },
    );
  }

  #paintActive(): void {
    setOnlyRange(this.#doc, ACTIVE_HIGHLIGHT, (this.#hovered ?? this.#opened)?.range);
  }

  /** "first" counts the terms already tagged on the page. */
  #countTerms(terms: Iterable<Element>): void {
    if (this.#options.occurrence !== 'first') return;
    for (const term of terms) {
      const serial = findTermElementSerial(term, this.#options.set);
      if (serial !== undefined) this.#occurrences.addTagged(serial, term);
    }
  }

  #useTree(tree: Document | ShadowRoot): void {
    if (this.#trees.has(tree)) return;
    this.#trees.add(tree);
    adoptHighlightStyles(tree);
  }

  #shadowRoots(): ShadowRoot[] {
    return [...this.#trees].filter((tree): tree is ShadowRoot => tree !== this.#doc);
  }

  #report(error: unknown): void {
    reportError(this.#root, error, 'annotate (highlight)');
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
