import { findAffectedBlocks, type AffectedBlocks } from './find-affected-blocks';
import { DOCUMENT_NODE } from './dom';
import { hostObservers, OBSERVED, type HostRecordsObserver } from './own-mutations';

export interface LiveObserverOptions {
  root: Node;
  /** The annotation's skip selector. */
  selector: string;
  shadow: boolean;
  /** Receives each batch of the host's changes, at most once per frame; without it nothing is batched. */
  onBatch?: ((affected: AffectedBlocks) => void) | undefined;
  /**
   * Sees each of the host's records at once: in the observer's callback, a microtask after the host's change and
   * before the browser paints (self-healing must act there, not a frame later).
   */
  onRecords?: ((records: readonly MutationRecord[]) => void) | undefined;
  onError: (error: unknown) => void;
  /** Called after each batch was handed over (or found empty): the owner may now be idle. */
  onFlushed?: (() => void) | undefined;
}

/**
 * Watches the root (and the open shadow roots the walk enters) for the host's changes: hands each record over at
 * once (`onRecords`, for healing) and in batches, one per animation frame (`onBatch`). The annotator's own mutations are taken out of the record queue around each
 * slice of its work (see `runOwnMutations` in own-mutations.ts), so they never start another round.
 */
export class LiveObserver implements HostRecordsObserver {
  private readonly _options: LiveObserverOptions;
  private readonly _observer: MutationObserver;
  private _pending: MutationRecord[] = [];
  private _scheduled = false;
  private _stopped = false;

  constructor(options: LiveObserverOptions) {
    this._options = options;
    this._observer = new MutationObserver((records) => this._collect(records));
    this.watch(options.root);
    hostObservers.add(this);
  }

  /** Observes one more tree (an open shadow root under the root). Observing a node twice is harmless. */
  watch(node: Node): void {
    if (!this._stopped) this._observer.observe(node, OBSERVED);
  }

  disconnect(): void {
    this._stopped = true;
    this._pending = [];
    this._observer.disconnect();
    hostObservers.delete(this);
  }

  /** Whether a batch is waiting for its frame. */
  get pending(): boolean {
    return this._scheduled;
  }

  /** Moves the host's records queued so far into the batch, before we mutate. */
  takeHostRecords(): void {
    const records = this._observer.takeRecords();
    if (records.length) this._collect(records);
  }

  /** Drops the records of our own mutations, made since `takeHostRecords`. */
  dropOwnRecords(): void {
    this._observer.takeRecords();
  }

  /**
   * Hands over records kept before this observer started (see record-mutations.ts), as if it had seen them:
   * `heal` (those healing must see) at once, `all` in the next batch.
   */
  _replay(all: MutationRecord[], heal: readonly MutationRecord[]): void {
    this._collect(all, heal);
  }

  private _collect(records: MutationRecord[], heal: readonly MutationRecord[] = records): void {
    if (this._stopped) return;
    try {
      if (heal.length) this._options.onRecords?.(heal);
    } catch (error) {
      this._options.onError(error);
    }
    if (!this._options.onBatch) return;
    for (const record of records) this._pending.push(record);
    if (this._scheduled) return;
    this._scheduled = true;
    const flush = () => this._flush();
    const root = this._options.root;
    const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
    // requestAnimationFrame never fires in a hidden page: fall back to a task.
    if (doc?.visibilityState === 'hidden') setTimeout(flush, 0);
    else requestAnimationFrame(flush);
  }

  private _flush(): void {
    this._scheduled = false;
    try {
      this._handOver();
    } finally {
      this._options.onFlushed?.();
    }
  }

  private _handOver(): void {
    if (this._stopped || !this._pending.length) return;
    const records = this._pending;
    this._pending = [];
    try {
      const { root, selector, shadow } = this._options;
      const affected = findAffectedBlocks(records, root, selector, shadow);
      if (affected.blocks.length || affected.terms.length || affected.removed.length)
        this._options.onBatch?.(affected);
    } catch (error) {
      this._options.onError(error);
    }
  }
}
