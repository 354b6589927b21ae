import { resolveTermSet } from '../../config/resolve-set';
import { DszdAnnotateEvent, type AnnotateResult } from '../../events/annotate-event';
import { reportError } from '../../events/error-event';
import { collectBlocks } from '../../live/affected-blocks';
import { createDomAdapter } from '../../live/dom-adapter';
import { DOCUMENT_NODE, ELEMENT_NODE } from '../../live/dom';
import { OccurrenceIndex } from '../../live/first-occurrences';
import { isEditable } from '../../live/is-editable';
import { keepSelection } from '../../live/keep-selection';
import { watchNormalize } from '../../live/normalize-guard';
import { ownSliceHooks, runOwnMutations } from '../../live/own-mutations';
import { MutationRecorder } from '../../live/record-mutations';
import { runInSlices, yieldToEventLoop } from '../../live/schedule';
import { orderForViewport, passOver } from '../../live/viewport-order';
import { TERM_TAG } from '../../runs/rules';
import type { TreeAdapter } from '../../runs/runs';
import type { ResolvedOptions } from '../options';
import type { AnnotationSession } from '../session';
import type * as Live from './live';
import type { WrapLive } from './live';
import { getBundledLive, loadLive } from './load-live';
import { annotateSteps, type PassContext } from './pass';
import { findWrappers, unwrapAll } from './unwrap';
import { getPieceOrigin, getWrapperOrigin } from './wrap';

type Root = Element | Document | DocumentFragment;

// Wrap sessions of one root share their wrappers: a later annotate() takes over from the earlier one.
const ownedByRoot = new WeakMap<Node, WeakSet<Element>>();
// A removal still going on a root: stops it (the wrappers left are taken over), or finishes it at once when asked.
const removals = new WeakMap<Node, (finish: boolean) => void>();

/** Blocks to annotate, in time slices, as one entry of the queue. */
export interface Batch {
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
 * Wrap mode: the initial pass (time-sliced), then the live updates (see `WrapLive`: healing what the host
 * rewrites, annotating what it adds, editable content), all through one queue of batches; normalize() is handled
 * here from the first wrap on. The members named `_…` without `private` are shared with `WrapLive` only.
 */
export class WrapSession implements AnnotationSession {
  readonly _root: Root;
  readonly _options: ResolvedOptions;
  private readonly _onDone: (result: AnnotateResult) => void;
  private readonly _adapter: TreeAdapter<Node>;
  readonly _owned: WeakSet<Element>;
  _index: OccurrenceIndex | undefined;
  readonly _abort = new AbortController();
  /** The live part, once there (from the start in the ES module, after the first pass in the drop-in). */
  private _live: WrapLive | null = null;
  /** The page's changes kept until the live part is there (the drop-in only). */
  private _recorder: MutationRecorder | null = null;
  private _arriving: Promise<WrapLive | null> | undefined;
  /** The live stage's module once it arrived (the drop-in; the ES module has it bundled, see load-live.ts). */
  private _liveModule: typeof Live | undefined;
  readonly _queue: Batch[] = [];
  private _current: Batch | null = null;
  private _pumping = false;
  private readonly _idle: Array<() => void> = [];
  private _unwatchNormalize: (() => void) | null = null;
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
        (this._live?._observer ?? this._recorder)?.watch(shadowRoot);
        this._countTerms(shadowRoot.querySelectorAll(TERM_TAG));
      },
      onEnter: (node) => index.enter(node),
      isOwn: (element) => owned.has(element),
    });
    this._countTerms(root.querySelectorAll(TERM_TAG));
    const bundled = getBundledLive();
    if (bundled) this._live = new bundled.WrapLive(this);
    else this._recorder = new MutationRecorder(root, isOwnNode);
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
      this._live?._observer.takeHostRecords();
      this._checkIdle();
    });
  }

  /** Stops pending work and the observer; the wrappers stay. The initial pass's result is what it did so far. */
  stop(): void {
    this._abort.abort();
    this._live?._stop();
    this._live = null;
    this._recorder?._stop();
    this._recorder = null;
    this._unwatchNormalize?.();
    this._unwatchNormalize = null;
    const batch = this._current;
    if (batch?.initial) this._current = null;
    const stats = batch?.initial ? batch.stats : { matches: 0, textNodes: 0 };
    this._onDone({ ...stats, ms: batch?.initial ? performance.now() - batch.started : 0 });
    for (const resolve of this._idle.splice(0)) resolve();
  }

  /**
   * Stops and restores the DOM exactly: wrappers removed, split text nodes merged back. The live part's
   * `removeInSteps` takes out up to FIRST_REMOVED wrappers (as its time allows) before it returns; the rest goes in time
   * slices, healing the page's changes meanwhile. A new wrap session of the root meanwhile takes over the wrappers still there. Never rejects.
   * In the drop-in before the live stage is there, the removal waits for it (it heals the page's changes kept
   * meanwhile first); if it cannot be loaded, the wrappers go at once as they are.
   */
  remove(): Promise<void> {
    const root = this._root;
    // Kept until the wrappers are gone: the page's rewrites of split text are healed meanwhile.
    const live = this._live;
    const recorder = this._recorder;
    this._live = null;
    this._recorder = null;
    try {
      this.stop();
    } catch (error) {
      reportError(root, error, 'annotate remove');
    }
    endRemoval(root, false);
    this._index = undefined;
    const removal = new AbortController();
    // A new annotation of the root takes over the wrappers left, or (highlight mode) has them go at once.
    const stop = (finish: boolean) => {
      removal.abort();
      if (finish) this._unwrapAll();
    };
    removals.set(root, stop);
    const run = async () => {
      // The live part heals the page's changes first (in the drop-in it may still be on its way).
      let healer = live;
      try {
        if (recorder) healer = await this._arrive(recorder);
        const inSteps = (getBundledLive() ?? this._liveModule)?.removeInSteps;
        // Taken over (or finished) by a new annotation of the root meanwhile: nothing left to do here. Without the
        // live part (it could not be loaded) nothing would heal the page meanwhile: all at once.
        if (!removal.signal.aborted) {
          if (inSteps) await inSteps(root, this._owned, removal.signal);
          else this._unwrapAll();
        }
      } catch (error) {
        reportError(root, error, 'annotate remove');
      }
      healer?._stop();
      if (removals.get(root) === stop) removals.delete(root);
    };
    return run();
  }

  /** Takes every wrapper of this annotation out at once. */
  private _unwrapAll(): void {
    runOwnMutations(() => unwrapAll(this._root, (wrapper) => this._owned.has(wrapper)));
  }

  /**
   * The live part for the changes `recorder` kept (once per session, whoever asks first): it takes them over,
   * healing first. Null when the session stopped meanwhile, or (reported once) when the stage cannot be loaded.
   */
  private _arrive(recorder: MutationRecorder): Promise<WrapLive | null> {
    // its script is put in a task of its own, not in the slice that ended the first pass (on a phone each is work)
    return (this._arriving ??= yieldToEventLoop().then(loadLive).then(
      (module) => {
        this._liveModule = module;
        if (recorder._stopped) return null;
        const live = new module.WrapLive(this);
        if (this._recorder === recorder) {
          this._recorder = null;
          this._live = live;
        }
        live._takeOver(recorder);
        return live;
      },
      (error: unknown) => {
        if (!recorder._stopped) reportError(this._root, error, 'live stage');
        recorder._stop();
        return null;
      },
    ));
  }

  /**
   * The drop-in after its first pass: the live stage comes now. If it cannot, the page must not be left with
   * wrappers nothing heals: the annotation removes itself.
   */
  private _loadLive(): void {
    const recorder = this._recorder;
    if (!recorder) return;
    void this._arrive(recorder).then((live) => {
      if (!live && this._recorder === recorder) {
        this._recorder = null;
        this.stop();
        this._index = undefined;
        this._unwrapAll();
      }
      this._checkIdle();
    });
  }

  _checkIdle(): void {
    const busy =
      !this._abort.signal.aborted &&
      (this._pumping || this._queue.length > 0 || this._recorder || this._live?._observer.pending);
    if (busy) return;
    for (const resolve of this._idle.splice(0)) resolve();
  }

  /** "first" counts the terms already on the page: pre-tagged markup (not this annotation's own wrappers). */
  _countTerms(terms: Iterable<Element>): void {
    this._index?.countTagged(terms, resolveTermSet, this._owned);
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
  _unwrapUnder(scope: ParentNode): boolean {
    const owned = this._owned;
    const wrappers = findWrappers(scope).filter((wrapper) => owned.has(wrapper));
    if (!wrappers.length) return false;
    keepSelection(scope as Node, () =>
      runOwnMutations(() => unwrapAll(scope, (wrapper) => owned.has(wrapper))),
    );
    return true;
  }

  /** Queues the blocks holding `nodes` for annotating (sliced). */
  _enqueueBlocks(nodes: Node[]): void {
    const options = this._options;
    this._enqueueLive(collectBlocks(nodes, this._root, options.selector, options.shadow));
  }

  /** Queues blocks for a live (not initial) pass, if any. */
  _enqueueLive(targets: Node[]): void {
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
    // Before the live part is there (the drop-in's first pass), in the queue: then at once.
    if (!this._live) this._enqueueBlocks([scope]);
    else {
      const options = this._options;
      this._live._annotateNow(
        collectBlocks([scope], this._root, options.selector, options.shadow),
        performance.now(),
      );
    }
  }

  _createContext(stats: PassContext['stats']): PassContext {
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

  /** After a batch: the live part resolves the first occurrences; until it is there, they wait for it. */
  private _resolve(inOrder: boolean): void {
    if (this._live) this._live._resolve(inOrder);
    else if (inOrder) this._index!._forgetFresh();
  }

  _enqueue(batch: Batch): void {
    this._queue.push(batch);
    void this._pump();
  }

  /** Works through the batches one after the other, each in time slices. Never rejects. */
  async _pump(): Promise<void> {
    if (this._pumping) return;
    this._pumping = true;
    const root = this._root;
    const signal = this._abort.signal;
    try {
      // Until the live part is there, only the first pass: anything else could change nodes the page's kept
      // records name before healing has read them; the rest waits for it.
      while (this._queue.length && !signal.aborted && (this._live || this._queue[0]!.initial)) {
        const batch = this._queue.shift()!;
        // Editable content is not annotated (see editable.ts): the batch is done with nothing to do.
        this._live?._check();
        if (this._live ? this._live._paused : isEditable(root, root.ownerDocument ?? (root as Document)))
          batch.targets = [];
        this._current = batch;
        const context = this._createContext(batch.stats);
        if (batch.done) context.adapter = passOver(context.adapter, batch.done);
        try {
          const steps = whileEditable(
            stepThrough(batch.targets, context),
            () => this._live?._paused === true,
          );
          await runInSlices(steps, { signal, ...ownSliceHooks });
        } catch (error) {
          reportError(root, error, 'annotate');
        }
        this._current = null;
        if (signal.aborted) break;
        this._resolve(batch.initial && batch.targets.length === 1 && batch.targets[0] === root);
        const result = { ...batch.stats, ms: performance.now() - batch.started };
        if (batch.initial) {
          this._onDone(result);
          this._loadLive();
        }
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

/** Whether healing would act on `node`: a wrapper, a piece or a host's text node the annotator made or split. */
function isOwnNode(node: Node | null): boolean {
  return (
    !!node &&
    (node.nodeType === ELEMENT_NODE ? getWrapperOrigin(node as Element) : getPieceOrigin(node as Text)) !==
      undefined
  );
}

/** The annotation passes over several targets, as one sequence of steps. */
export function* stepThrough(
  targets: readonly Node[],
  context: PassContext,
): Generator<void, void, undefined> {
  for (const target of targets) yield* annotateSteps(target, context);
}

/** The steps, stopped before the next one once the content became editable. */
function* whileEditable(
  steps: Generator<void, void, undefined>,
  paused: () => boolean,
): Generator<void, void, undefined> {
  while (!paused() && !steps.next().done) yield;
}
