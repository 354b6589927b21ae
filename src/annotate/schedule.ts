/** How long one slice of work may run before the loop yields; well under the 50 ms of a long task. */
export const SLICE_BUDGET_MS = 8;

export interface SliceOptions {
  /**
   * Milliseconds of work per slice.
   * @default SLICE_BUDGET_MS
   */
  budgetMs?: number;
  /** Stops the loop between steps. */
  signal?: AbortSignal;
  /** Called before each slice (the live observer collects the host's mutations here). */
  beforeSlice?: () => void;
  /** Called after each slice, also when a step threw (the live observer drops the annotator's own mutations here). */
  afterSlice?: () => void;
}

/**
 * Drives `steps` (each step a small, bounded piece of work) in slices of about `budgetMs`, yielding to the event loop
 * between slices. Resolves `true` when the steps are done, `false` when aborted; rejects with a step's error.
 */
export async function runInSlices(steps: Iterator<unknown>, options: SliceOptions = {}): Promise<boolean> {
  const { budgetMs = SLICE_BUDGET_MS, signal, beforeSlice, afterSlice } = options;
  while (true) {
    if (signal?.aborted) return false;
    const start = performance.now();
    beforeSlice?.();
    try {
      do {
        if (steps.next().done) return true;
        if (signal?.aborted) return false;
      } while (performance.now() - start < budgetMs);
    } finally {
      afterSlice?.();
    }
    await yieldToEventLoop();
  }
}

interface SchedulerWithYield {
  yield(): Promise<void>;
}

let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

/**
 * Lets input, rendering and the host's tasks run. scheduler.yield() keeps our place in the queue; otherwise a
 * MessageChannel task, because setTimeout is clamped to 4 ms when nested and to 1 s in background tabs.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
