import { findAffectedBlocks, type AffectedBlocks } from './affected-blocks';

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

const DOCUMENT_NODE = 9;
// The old value tells healing a splitText() of the host's node from a framework writing it (see heal.ts).
const OBSERVED: MutationObserverInit = {
  childList: true,
  characterData: true,
  characterDataOldValue: true,
  subtree: true,
};

// Every live observer of this instance: any annotation's own mutations are hidden from all of them.
const active = new Set<LiveObserver>();

/**
 * Watches the root (and the open shadow roots the walk enters) for the host's changes: hands each record over at
 * once (`onRecords`, for healing) and in batches, one per animation frame (`onBatch`). The annotator's own mutations are taken out of the record queue around each
 * slice of its work (see `runOwnMutations`), so they never start another round.
 */
export class LiveObserver {
  readonly #options: LiveObserverOptions;
  readonly #observer: MutationObserver;
  #pending: MutationRecord[] = [];
  #scheduled = false;
  #stopped = false;

  constructor(options: LiveObserverOptions) {
    this.#options = options;
    this.#observer = new MutationObserver((records) => this.#collect(records));
    this.watch(options.root);
    active.add(this);
  }

  /** Observes one more tree (an open shadow root under the root). Observing a node twice is harmless. */
  watch(node: Node): void {
    if (!this.#stopped) this.#observer.observe(node, OBSERVED);
  }

  disconnect(): void {
    this.#stopped = true;
    this.#pending = [];
    this.#observer.disconnect();
    active.delete(this);
  }

  /** Whether a batch is waiting for its frame. */
  get pending(): boolean {
    return this.#scheduled;
  }

  /** Moves the host's records queued so far into the batch, before we mutate. */
  takeHostRecords(): void {
    const records = this.#observer.takeRecords();
    if (records.length) this.#collect(records);
  }

  /** Drops the records of our own mutations, made since `takeHostRecords`. */
  dropOwnRecords(): void {
    this.#observer.takeRecords();
  }

  #collect(records: MutationRecord[]): void {
    if (this.#stopped) return;
    try {
      this.#options.onRecords?.(records);
    } catch (error) {
      this.#options.onError(error);
    }
    if (!this.#options.onBatch) return;
    for (const record of records) this.#pending.push(record);
    if (this.#scheduled) return;
    this.#scheduled = true;
    const flush = () => this.#flush();
    const root = this.#options.root;
    const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
    // requestAnimationFrame never fires in a hidden page: fall back to a task.
    if (doc?.visibilityState === 'hidden') setTimeout(flush, 0);
    else requestAnimationFrame(flush);
  }

  #flush(): void {
    this.#scheduled = false;
    try {
      this.#handOver();
    } finally {
      this.#options.onFlushed?.();
    }
  }

  #handOver(): void {
    if (this.#stopped || !this.#pending.length) return;
    const records = this.#pending;
    this.#pending = [];
    try {
      const { root, selector, shadow } = this.#options;
      const affected = findAffectedBlocks(records, root, selector, shadow);
      if (affected.blocks.length || affected.terms.length || affected.removed.length)
        this.#options.onBatch?.(affected);
    } catch (error) {
      this.#options.onError(error);
    }
  }
}

/** Runs the annotator's own DOM changes so that no live observer (of any annotation) sees them. */
export function runOwnMutations<T>(mutate: () => T): T {
  for (const observer of active) observer.takeHostRecords();
  try {
    return mutate();
  } finally {
    for (const observer of active) observer.dropOwnRecords();
  }
}

/** The hooks a sliced loop calls around each slice so its mutations stay invisible to the live observers. */
export const ownSliceHooks = {
  beforeSlice: (): void => {
    for (const observer of active) observer.takeHostRecords();
  },
  afterSlice: (): void => {
    for (const observer of active) observer.dropOwnRecords();
  },
};
