import { resolveTermSet } from '../../config/resolve-set';
import { DszdAnnotateEvent, type AnnotateResult } from '../../events/annotate-event';
import { reportError } from '../../events/error-event';
import { collectBlocks, findRunBlock, type AffectedBlocks } from '../../live/affected-blocks';
import { createDomAdapter } from '../../live/dom-adapter';
import { DOCUMENT_NODE } from '../../live/dom';
import { EditWatch, keepSelection } from '../../live/editable';
import { OccurrenceIndex } from '../../live/first-occurrences';
import { watchNormalize } from '../../live/normalize-guard';
import { LiveObserver, ownSliceHooks, runOwnMutations } from '../../live/observe';
import { runInSlices, yieldToEventLoop } from '../../live/schedule';
import { orderForViewport, passOver } from '../../live/viewport-order';
import { TERM_TAG } from '../../runs/rules';
import type { TreeAdapter } from '../../runs/runs';
import type { ResolvedOptions } from '../options';
import type { AnnotationSession } from '../session';
import { healRecords } from './heal';
import { annotateSteps, type PassContext } from './pass';
import { findWrappers, unwrapAll, unwrapWrappers } from './unwrap';

type Root = Element | Document | DocumentFragment;

// Wrap sessions of one root share their wrappers: a later annotate() takes over from the earlier one.
const ownedByRoot = new WeakMap<Node, WeakSet<Element>>();
// A removal still going on a root: stops it (the wrappers left are taken over), or finishes it at once when asked.
const removals = new WeakMap<Node, (finish: boolean) => void>();

/** Wrappers unwrapped per step of `remove()` (whole blocks): a few milliseconds of DOM removals. */
const REMOVED_PER_STEP = 1000;

/** Milliseconds healing may annotate in the observer's callback before leaving the rest to the sliced queue. */
const HEAL_BUDGET_MS = 20;

interface Batch {
  targets: Node[];
  /** Blocks already read on their own, passed over when a target holds them (viewport first). */
  done?: ReadonlySet<Node>;
  initial: boolean;
  started: number;
  stats: PassContext['stats'];
}

/**
 * A removal of wrappers still going on `root` stops; with `finish`, the wrappers it had left go at once (highlight
 * mode needs the page's DOM back now), else the next wrap session takes them over.
 */
export function endRemoval(root: Node, finish: boolean): void {
  removals.get(root)?.(finish);
}

/**
 * Wrap mode: the initial pass (time-sliced), then the live updates (healing what the host rewrites, annotating
 * what it adds, editable content and normalize() handled), all through one queue of batches.
 */
export class WrapSession implements AnnotationSession {
  private readonly _root: Root;
  private readonly _options: ResolvedOptions;
  private readonly _onDone: (result: AnnotateResult) => void;
  private readonly _adapter: TreeAdapter<Node>;
  private readonly _owned: WeakSet<Element>;
  private _index: OccurrenceIndex | undefined;
  private readonly _abort = new AbortController();
  private _observer: LiveObserver | null = null;
  private readonly _queue: Batch[] = [];
  private _current: Batch | null = null;
  private _pumping = false;
  private readonly _idle: Array<() => void> = [];
  private _unwatchNormalize: (() => void) | null = null;
  private _editing: EditWatch | null = null;
  // One entry per normalize() call in progress: the subtree unwrapped for it, or null.
  private readonly _normalizing: Array<ParentNode | null> = [];

  /** Starts on `root`; `onDone` gets the initial pass's result (or what it did until stopped). */
  constructor(
    root: Root,
    options: ResolvedOptions,
    started: number,
    onDone: (result: AnnotateResult) => void,
  ) {
    this._root = root;
    this._options = options;
    this._onDone = onDone;
    const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
    const owned = ownedByRoot.get(root) ?? new WeakSet<Element>();
    ownedByRoot.set(root, owned);
    this._owned = owned;
    const index = new OccurrenceIndex(root, options);
    this._index = index;
    this._adapter = createDomAdapter({
      selector: options.selector,
      shadow: options.shadow,
      onShadowRoot: (shadowRoot) => {
        this._observer?.watch(shadowRoot);
        this._countTerms(shadowRoot.querySelectorAll(TERM_TAG));
      },
      onEnter: (node) => index.enter(node),
      isOwn: (element) => owned.has(element),
    });
    this._countTerms(root.querySelectorAll(TERM_TAG));
    // Always watched: without `observe`, only to heal the text it split when the host rewrites it.
    this._observer = new LiveObserver({
      root,
      selector: options.selector,
      shadow: options.shadow,
      onBatch: options.observe ? (affected) => this._takeBatch(affected) : undefined,
      onRecords: (records) => this._heal(records),
      onError: (error) => reportError(root, error, 'annotate (live)'),
      onFlushed: () => this._checkIdle(),
    });
    this._editing = new EditWatch({
      root,
      onEditable: (scope) => this._unwrapUnder(scope),
      onEditableEnd: (scope) => this._enqueueBlocks([scope]),
      onError: (error) => reportError(root, error, 'annotate (editable)'),
    });
    this._unwatchNormalize = watchNormalize(doc, {
      before: (node) => this._beforeNormalize(node),
      after: () => this._afterNormalize(),
      onError: (error) => reportError(root, error, 'annotate (normalize)'),
    });
    // With "all" on a long page, what the reader sees first is annotated first; "first" keeps document order.
    const { targets, done } = options.occurrence === 'all' ? orderForViewport(root) : { targets: [root] };
    this._enqueue({ targets, done, initial: true, started, stats: { matches: 0, textNodes: 0 } });
  }

  get matches(): number {
    return this._index?.shown ?? 0;
  }

  settled(): Promise<void> {
    return new Promise((resolve) => {
      this._idle.push(resolve);
      // The host's changes not yet delivered to the observer: heal them and schedule their batch now.
      this._observer?.takeHostRecords();
      this._checkIdle();
    });
  }

  /** Stops pending work and the observer; the wrappers stay. The initial pass's result is what it did so far. */
  stop(): void {
    this._abort.abort();
    this._observer?.disconnect();
    this._observer = null;
    this._unwatchNormalize?.();
    this._unwatchNormalize = null;
    this._editing?.disconnect();
    this._editing = null;
    const batch = this._current;
    if (batch?.initial) this._current = null;
    const stats = batch?.initial ? batch.stats : { matches: 0, textNodes: 0 };
    this._onDone({ ...stats, ms: batch?.initial ? performance.now() - batch.started : 0 });
    for (const resolve of this._idle.splice(0)) resolve();
  }

  /**
   * Stops and restores the DOM exactly: wrappers removed, split text nodes merged back. Up to REMOVED_PER_STEP
   * wrappers go before it returns; a bigger annotation's rest goes in time slices (healing the page's changes
   * meanwhile). A new wrap session of the root meanwhile takes over the wrappers still there. Never rejects.
   */
  remove(): Promise<void> {
    const root = this._root;
    // Kept until the wrappers are gone: the page's rewrites of split text are healed meanwhile.
    const observer = this._observer;
    this._observer = null;
    try {
      this.stop();
    } catch (error) {
      reportError(root, error, 'annotate remove');
    }
    endRemoval(root, false);
    const owned = this._owned;
    this._index = undefined;
    const steps = (function* () {
      const wrappers = findWrappers(root).filter((wrapper) => owned.has(wrapper));
      for (let at = 0, end = 0; at < wrappers.length; at = end) {
        // A block's wrappers go in one step: every step that changes a big block costs the page its whole layout.
        const block = findRunBlock(wrappers[at]!, root);
        for (end = at + 1; end < wrappers.length; end++) {
          if (end - at >= REMOVED_PER_STEP && findRunBlock(wrappers[end]!, root) !== block) break;
        }
        runOwnMutations(() => unwrapWrappers(wrappers.slice(at, end)));
        yield;
      }
    })();
    const removal = new AbortController();
    const stop = (finish: boolean) => {
      removal.abort();
      if (finish) for (const _ of steps);
    };
    removals.set(root, stop);
    const run = async () => {
      try {
        if (!steps.next().done) {
          // The rest in later tasks: runInSlices would run its first slice in this one.
          await yieldToEventLoop();
          await runInSlices(steps, { signal: removal.signal });
        }
      } catch (error) {
        reportError(root, error, 'annotate remove');
      }
      observer?.disconnect();
      if (removals.get(root) === stop) removals.delete(root);
    };
    return run();
  }

  private _checkIdle(): void {
    const busy =
      !this._abort.signal.aborted && (this._pumping || this._queue.length > 0 || this._observer?.pending);
    if (busy) return;
    for (const resolve of this._idle.splice(0)) resolve();
  }

  /** "first" counts the terms already on the page: pre-tagged markup (not this annotation's own wrappers). */
  private _countTerms(terms: Iterable<Element>): void {
    this._index?.countTagged(terms, resolveTermSet, this._owned);
  }

  private _takeBatch(affected: AffectedBlocks): void {
    this._countTerms(affected.terms);
    this._index?.dropRemoved(affected.removed);
    const stats = { matches: 0, textNodes: 0 };
    // Even with no block to read: what went may have held an entry's first occurrence.
    this._enqueue({ targets: affected.blocks, initial: false, started: performance.now(), stats });
  }

  /**
   * Self-healing, in the observer's callback (before the next paint): the host's rewritten text shows as the host
   * wrote it, and its blocks (small) are annotated again at once, not in slices.
   */
  private _heal(records: readonly MutationRecord[]): void {
    const root = this._root;
    const options = this._options;
    const started = performance.now();
    let blocks: Node[] | null = null;
    runOwnMutations(() => {
      const { originals, wrappers } = healRecords(records);
      if (!originals.length && !wrappers.length) return;
      blocks = collectBlocks(originals, root, options.selector, options.shadow);
    });
    // While remove() is going, only healed: nothing is wrapped again.
    if (blocks && !this._abort.signal.aborted) this._annotateNow(blocks, started);
  }

  /**
   * The page calls normalize() on `node`: if that touches this annotation, its wrappers there go first, so the
   * browser's normalize() sees the page's own text nodes (see normalize-guard.ts). Annotated again afterwards.
   */
  private _beforeNormalize(node: Node): void {
    const root = this._root;
    let scope: ParentNode | null = null;
    if (node === root || node.contains(root)) scope = root;
    else if (root.contains(node) && 'querySelectorAll' in node) scope = node as ParentNode;
    this._normalizing.push(scope && this._unwrapUnder(scope) ? scope : null);
  }

  /** Takes this annotation's wrappers under `scope` out (the caret stays where it was). Returns whether any. */
  private _unwrapUnder(scope: ParentNode): boolean {
    const owned = this._owned;
    const wrappers = findWrappers(scope).filter((wrapper) => owned.has(wrapper));
    if (!wrappers.length) return false;
    keepSelection(scope as Node, () =>
      runOwnMutations(() => unwrapAll(scope, (wrapper) => owned.has(wrapper))),
    );
    return true;
  }

  /** Queues the blocks holding `nodes` for annotating (sliced). */
  private _enqueueBlocks(nodes: Node[]): void {
    const options = this._options;
    this._enqueueLive(collectBlocks(nodes, this._root, options.selector, options.shadow));
  }

  /** Queues blocks for a live (not initial) pass, if any. */
  private _enqueueLive(targets: Node[]): void {
    if (targets.length)
      this._enqueue({
        targets,
        initial: false,
        started: performance.now(),
        stats: { matches: 0, textNodes: 0 },
      });
  }

  private _afterNormalize(): void {
    const scope = this._normalizing.pop();
    if (!scope || this._abort.signal.aborted) return;
    const options = this._options;
    this._annotateNow(
      collectBlocks([scope], this._root, options.selector, options.shadow),
      performance.now(),
    );
  }

  /**
   * Annotates blocks at once, before the next paint, within a budget; the rest goes to the sliced queue. What was
   * undone there may have held an entry's first occurrence: the next one is shown at once too.
   */
  private _annotateNow(blocks: Node[], started: number): void {
    if (this._editing?.paused) return;
    const root = this._root;
    const stats = { matches: 0, textNodes: 0 };
    let unfinished: Node[] = [];
    runOwnMutations(() => {
      const steps = stepThrough(blocks, this._createContext(stats));
      // A healed block is small as a rule; a huge one is finished in slices rather than as one long task.
      while (!steps.next().done) {
        if (performance.now() - started > HEAL_BUDGET_MS) {
          unfinished = blocks;
          break;
        }
      }
    });
    if (unfinished.length) this._enqueueLive(unfinished);
    else {
      this._resolve(false);
      if (this._queue.length) void this._pump();
    }
    if (stats.matches)
      root.dispatchEvent(new DszdAnnotateEvent({ ...stats, ms: performance.now() - started }));
  }

  private _createContext(stats: PassContext['stats']): PassContext {
    return {
      adapter: this._adapter,
      root: this._root,
      set: resolveTermSet(this._root),
      index: this._index!,
      owned: this._owned,
      reread: (block) => this._enqueueLive([block]),
      stats,
    };
  }

  /**
   * After a batch: with "first", the occurrences no longer first lose their wrappers, and the blocks of the new
   * first ones are read again (a batch of their own, next in the queue).
   */
  private _resolve(inOrder: boolean): void {
    const { hide, blocks } = this._index!.resolve(inOrder);
    const wrappers = (hide as Element[][]).flat().filter((wrapper) => wrapper.parentNode);
    if (wrappers.length) runOwnMutations(() => unwrapWrappers(wrappers));
    if (blocks.length)
      this._queue.unshift({
        targets: blocks,
        initial: false,
        started: performance.now(),
        stats: { matches: 0, textNodes: 0 },
      });
  }

  private _enqueue(batch: Batch): void {
    this._queue.push(batch);
    void this._pump();
  }

  /** Works through the batches one after the other, each in time slices. Never rejects. */
  private async _pump(): Promise<void> {
    if (this._pumping) return;
    this._pumping = true;
    const root = this._root;
    const signal = this._abort.signal;
    try {
      while (this._queue.length && !signal.aborted) {
        const batch = this._queue.shift()!;
        // Editable content is not annotated (see editable.ts): the batch is done with nothing to do.
        this._editing?.check();
        if (this._editing?.paused) batch.targets = [];
        this._current = batch;
        const context = this._createContext(batch.stats);
        if (batch.done) context.adapter = passOver(context.adapter, batch.done);
        try {
          const steps = whileEditable(
            stepThrough(batch.targets, context),
            () => this._editing?.paused === true,
          );
          await runInSlices(steps, { signal, ...ownSliceHooks });
        } catch (error) {
          reportError(root, error, 'annotate');
        }
        this._current = null;
        if (signal.aborted) break;
        this._resolve(batch.initial && batch.targets.length === 1 && batch.targets[0] === root);
        const result = { ...batch.stats, ms: performance.now() - batch.started };
        if (batch.initial) this._onDone(result);
        if (batch.initial || result.matches) root.dispatchEvent(new DszdAnnotateEvent(result));
      }
    } catch (error) {
      reportError(root, error, 'annotate');
    } finally {
      this._pumping = false;
      this._checkIdle();
    }
  }
}

/** The annotation passes over several targets, as one sequence of steps. */
function* stepThrough(targets: readonly Node[], context: PassContext): Generator<void, void, undefined> {
  for (const target of targets) yield* annotateSteps(target, context);
}

/** The steps, stopped before the next one once the content became editable. */
function* whileEditable(
  steps: Generator<void, void, undefined>,
  paused: () => boolean,
): Generator<void, void, undefined> {
  while (!paused() && !steps.next().done) yield;
}
