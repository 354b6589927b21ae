import { DszdAnnotateEvent } from '../../events/annotate-event';
import { reportError } from '../../events/error-event';
import { collectBlocks, findRunBlock } from '../../live/affected-blocks';
import { MATCH_ATTRIBUTE } from '../../runs/rules';
import type { AffectedBlocks } from '../../live/find-affected-blocks';
import { EditWatch, isEditableAttribute } from '../../live/editable';
import { LiveObserver } from '../../live/observe';
import { dropRemoved, resolveOccurrences } from '../../live/occurrence-moves';
import { runOwnMutations } from '../../live/own-mutations';
import type { MutationRecorder } from '../../live/record-mutations';
import { runInSlices, yieldToEventLoop } from '../../live/schedule';
import { healRecords } from './heal';
import { stepThrough, type WrapSession } from './session';
import { findWrappers, unwrapWrappers } from './unwrap';
import { FrameBudget, leastPerStep, nextStepSize } from './parts';
import { COMMITTED_PER_STEP } from './pass';

// The drop-in's first stage keeps the selection with this once the live stage is there (deferred-keep-selection.ts),
// and its passes keep wrappers and put big runs in parts with these (deferred-parts.ts).
export { keepSelection } from '../../live/keep-selection';
export { findKeptWrappers, putInParts } from './parts';

/**
 * What one step of `remove()` may take (measured around it): steps take as many wrappers as fit, wherever they fall
 * (every step that changes a big block costs the page a layout of it, but no task of ours grows with the block), from
 * FIRST_STEP on and at most COMMITTED_PER_STEP, as the pass puts them in, but never so few that a block's layouts
 * after them pass PART_CHARS (see leastPerStep). Before `remove()` returns, steps run until
 * FIRST_REMOVED wrappers are out or REMOVE_MS has passed: a page of ordinary size is restored at once.
 */
const REMOVE_MS = 24;
const FIRST_STEP = 250;
const FIRST_REMOVED = 1000;

/**
 * Takes the wrappers of `owned` under `root` out, some before `remove()` returns and the rest in time slices until
 * `signal` says a new annotation of the root took them over (see WrapSession.remove).
 */
export async function removeInSteps(root: Node, owned: WeakSet<Element>, signal: AbortSignal): Promise<void> {
  const wrappers = findWrappers(root as ParentNode).filter((wrapper) => owned.has(wrapper));
  // The block under way: where its wrappers end, the fewest a step takes in it (the page lays the block out after
  // every step: a 20 MB text node's wrappers go in one), and the frames after its steps (see FrameBudget).
  let blockEnd = 0;
  let fewest = 0;
  let frames = new FrameBudget(0);
  let at = 0;
  let size = FIRST_STEP;
  const step = (most: number) => {
    // In document order, so a step takes the first wrappers of a text node and leaves it whole, its text so far
    // folded back into it (see unwrapWrappers); never only some pieces of a split match.
    if (at >= blockEnd) {
      const block = findRunBlock(wrappers[at]!, root);
      for (blockEnd = at + 1; blockEnd < wrappers.length; blockEnd++)
        if (findRunBlock(wrappers[blockEnd]!, root) !== block) break;
      fewest = leastPerStep(blockEnd - at, block.textContent?.length ?? 0);
      frames = new FrameBudget(blockEnd - at);
    }
    let end = Math.min(at + Math.max(most, fewest, frames.fewest()), wrappers.length);
    while (end < wrappers.length && isSameMatch(wrappers[end - 1]!, wrappers[end]!)) end++;
    const started = performance.now();
    runOwnMutations(() => unwrapWrappers(wrappers.slice(at, end)));
    frames.measure();
    size = nextStepSize(size, end - at, performance.now() - started, REMOVE_MS, COMMITTED_PER_STEP);
    at = end;
  };
  const started = performance.now();
  while (at < Math.min(FIRST_REMOVED, wrappers.length) && performance.now() - started < REMOVE_MS)
    step(Math.min(size, FIRST_REMOVED - at));
  if (at === wrappers.length) return;
  // The rest in later tasks: runInSlices would run its first slice in this one.
  await yieldToEventLoop();
  await runInSlices(
    (function* () {
      while (at < wrappers.length) {
        step(size);
        yield;
      }
    })(),
    { signal },
  );
}

/** Whether two wrappers are pieces of one split match. */
function isSameMatch(a: Element, b: Element): boolean {
  const id = a.getAttribute(MATCH_ATTRIBUTE);
  return id !== null && id === b.getAttribute(MATCH_ATTRIBUTE);
}

/** Milliseconds healing may annotate in the observer's callback before leaving the rest to the sliced queue. */
const HEAL_BUDGET_MS = 20;

/**
 * The live part of a wrap session: healing what the host rewrites (in the observer's callback, before the next
 * paint), annotating what it adds, leaving editable content alone, and finding the first occurrences again. The
 * ES module has it from the start; the drop-in loads it as a stage after the first pass (see `takeOver`).
 */
export class WrapLive {
  _observer: LiveObserver;
  private readonly _session: WrapSession;
  private readonly _editing: EditWatch;

  constructor(session: WrapSession) {
    this._session = session;
    const root = session._root;
    const { selector, shadow, observe } = session._options;
    // Always watched: without `observe`, only to heal the text it split when the host rewrites it.
    this._observer = new LiveObserver({
      root,
      selector,
      shadow,
      onBatch: observe ? (affected) => this._takeBatch(affected) : undefined,
      onRecords: (records) => this._heal(records),
      onError: (error) => reportError(root, error, 'annotate (live)'),
      onFlushed: () => session._checkIdle(),
    });
    this._editing = new EditWatch({
      root,
      onEditable: (scope) => session._unwrapUnder(scope),
      onEditableEnd: (scope) => session._enqueueBlocks([scope]),
      onError: (error) => reportError(root, error, 'annotate (editable)'),
    });
  }

  /** Whether the root is editable now: nothing is annotated under it. */
  get _paused(): boolean {
    return this._editing.paused;
  }

  /** Reads the root's editability again. */
  _check(): void {
    this._editing.check();
  }

  /**
   * Takes over from the recorder that kept the page's changes since the first wrap: its trees are observed, its
   * records healed and batched as if seen when they happened, content made editable meanwhile is unwrapped, and
   * what the first stage left unresolved is resolved, a task later.
   */
  _takeOver(recorder: MutationRecorder): void {
    const session = this._session;
    const root = session._root;
    for (const tree of recorder._watched) this._observer.watch(tree);
    const { all, heal } = recorder._stop();
    if (all.length) this._observer._replay(all, heal);
    if (this._paused) session._unwrapUnder(root as ParentNode);
    else
      for (const element of root.querySelectorAll('[contenteditable]'))
        if (isEditableAttribute(element)) session._unwrapUnder(element);
    // What the first stage left unresolved, in a task of its own: with the set-up above it was one long task on a phone.
    // Until then the queue waits (a batch the page's changes made meanwhile is resolved after it, as every batch is).
    void (session._index ? yieldToEventLoop() : Promise.resolve()).then(() => {
      if (session._abort.signal.aborted) return;
      if (session._index) this._resolve(false);
      void session._pump();
    });
  }

  /**
   * After a batch: with "first", the occurrences no longer first lose their wrappers, and the blocks of the new
   * first ones are read again (a batch of their own, next in the queue).
   */
  _resolve(inOrder: boolean): void {
    const { hide, blocks } = resolveOccurrences(this._session._index!, inOrder);
    const wrappers = (hide as Element[][]).flat().filter((wrapper) => wrapper.parentNode);
    if (wrappers.length) runOwnMutations(() => unwrapWrappers(wrappers));
    if (blocks.length)
      this._session._queue.unshift({
        targets: blocks,
        initial: false,
        started: performance.now(),
        stats: { matches: 0, textNodes: 0 },
      });
  }

  /**
   * Annotates blocks at once, before the next paint, within a budget; the rest goes to the sliced queue. What was
   * undone there may have held an entry's first occurrence: the next one is shown at once too.
   */
  _annotateNow(blocks: Node[], started: number): void {
    if (this._paused) return;
    const session = this._session;
    const root = session._root;
    const stats = { matches: 0, textNodes: 0 };
    let unfinished: Node[] = [];
    runOwnMutations(() => {
      const steps = stepThrough(blocks, session._createContext(stats));
      // A healed block is small as a rule; a huge one is finished in slices rather than as one long task.
      while (!steps.next().done) {
        if (performance.now() - started > HEAL_BUDGET_MS) {
          unfinished = blocks;
          break;
        }
      }
    });
    if (unfinished.length) session._enqueueLive(unfinished);
    else {
      this._resolve(false);
      if (session._queue.length) void session._pump();
    }
    if (stats.matches)
      root.dispatchEvent(new DszdAnnotateEvent({ ...stats, ms: performance.now() - started }));
  }

  /** Stops watching. */
  _stop(): void {
    this._observer.disconnect();
    this._editing.disconnect();
  }

  private _takeBatch(affected: AffectedBlocks): void {
    const session = this._session;
    session._countTerms(affected.terms);
    if (session._index) dropRemoved(session._index, affected.removed);
    // Even with no block to read: what went may have held an entry's first occurrence.
    session._enqueue({
      targets: affected.blocks,
      initial: false,
      started: performance.now(),
      stats: { matches: 0, textNodes: 0 },
    });
  }

  /**
   * Self-healing, in the observer's callback (before the next paint): the host's rewritten text shows as the host
   * wrote it, and its blocks (small) are annotated again at once, not in slices.
   */
  private _heal(records: readonly MutationRecord[]): void {
    const session = this._session;
    const { selector, shadow } = session._options;
    const started = performance.now();
    let blocks: Node[] | null = null;
    runOwnMutations(() => {
      const { originals, wrappers } = healRecords(records);
      if (!originals.length && !wrappers.length) return;
      blocks = collectBlocks(originals, session._root, selector, shadow);
    });
    // While remove() is going, only healed: nothing is wrapped again.
    if (blocks && !session._abort.signal.aborted) this._annotateNow(blocks, started);
  }
}
