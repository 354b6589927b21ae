/** How long one slice of work may run before the loop yields; well under the 50 ms of a long task. */
export const SLICE_BUDGET_MS = 8;
/** The smallest slice: progress even when the page renders slowly. */
export const MIN_SLICE_MS = 2;
/** What the frame after a slice (style, layout, paint) may take before slices shrink: a long task is 50 ms. */
export const RENDER_TARGET_MS = 30;
/** How long to wait for a frame before going on anyway (the page may have become hidden meanwhile). */
const FRAME_TIMEOUT_MS = 100;

export interface SliceOptions {
  /**
   * Milliseconds of work per slice, at most.
   * @default SLICE_BUDGET_MS
   */
  budgetMs?: number;
  /** Stops the loop between steps. */
  signal?: AbortSignal;
  /** Called before each slice (the live observer collects the host's mutations here). */
  beforeSlice?: () => void;
  /** Called after each slice, also when a step threw (the live observer drops the annotator's own mutations here). */
  afterSlice?: () => void;
  /**
   * The clock slices are measured on, in ms.
   * @default performance.now
   */
  now?: () => number;
  /**
   * Waits between slices; resolves with how long the frame after the slice took to render (ms).
   * @default waitForNextFrame
   */
  nextFrame?: () => Promise<number>;
  /**
   * Waits between slices that changed nothing on the page (see `markOffPage`).
   * @default yieldToEventLoop
   */
  nextTask?: () => Promise<void>;
}

// Steps that changed nothing the page renders (they read it, or built nodes not yet in it) count themselves here
// (`markOffPage`); slices run synchronously, so the count before and after one slice tells what its steps did.
let offPageSteps = 0;

/**
 * Called by a step, before it yields, when it changed nothing on the page. A slice made only of such steps leaves the
 * browser nothing new to lay out: the loop yields a task (input and the page's own work run) and goes on without
 * waiting for a frame. On a page whose every frame is expensive (50,000 paragraphs) that is what keeps the work from
 * paying a frame per slice.
 */
export function markOffPage(): void {
  offPageSteps++;
}

/**
 * Drives `steps` (each step a small, bounded piece of work) in slices, one slice per frame when a slice changed the
 * page, back to back (a task apart) while slices only work off the page (`markOffPage`). The page's style and
 * layout work after a slice grows with what the slice changed (about 0.1 ms per changed paragraph on a 1 MB page), so
 * slices shrink while frames render slower than the page's own (its fastest frame after a slice during the run):
 * neither our slice nor the frame after it becomes a long task.
 * Resolves `true` when done, `false` when aborted; rejects with a step's error.
 */
export async function runInSlices(steps: Iterator<unknown>, options: SliceOptions = {}): Promise<boolean> {
  const {
    budgetMs = SLICE_BUDGET_MS,
    signal,
    beforeSlice,
    afterSlice,
    now = () => performance.now(),
    nextFrame = waitForNextFrame,
    nextTask = yieldToEventLoop,
  } = options;
  let budget = budgetMs;
  // The fastest frame so far: what the page's own rendering costs. Only time above it is charged to our slices, or
  // a page that renders slowly anyway would shrink them to the minimum and need ever more frames (a spiral).
  let own = Infinity;
  while (true) {
    if (signal?.aborted) return false;
    const start = now();
    const offPageBefore = offPageSteps;
    let ran = 0;
    beforeSlice?.();
    try {
      do {
        if (steps.next().done) return true;
        ran++;
        if (signal?.aborted) return false;
      } while (now() - start < budget);
    } finally {
      afterSlice?.();
    }
    if (offPageSteps - offPageBefore >= ran) {
      await nextTask();
      continue;
    }
    const rendered = await nextFrame();
    // 0: no frame was seen (hidden, or none within FRAME_TIMEOUT_MS): it says nothing of the page's cost.
    if (rendered) own = Math.min(own, rendered);
    budget = nextBudget(budget, rendered - Math.min(own, rendered), budgetMs);
  }
}

/**
 * The budget of the next slice, from this slice's budget and how long the frame after it took to render (beyond the
 * page's own cost): shrinks
 * (down to MIN_SLICE_MS) while frames render slower than RENDER_TARGET_MS, grows back (up to `budgetMs`) while fast.
 */
export function nextBudget(budget: number, rendered: number, budgetMs = SLICE_BUDGET_MS): number {
  if (rendered > RENDER_TARGET_MS) return Math.max(MIN_SLICE_MS, (budget * RENDER_TARGET_MS) / rendered);
  if (rendered < RENDER_TARGET_MS / 2) return Math.min(budgetMs, budget * 1.25);
  return budget;
}

/**
 * Resolves after the next frame has been rendered, with how long its rendering took; at once (after a yield, with 0)
 * when the page is hidden and renders no frames.
 */
export function waitForNextFrame(): Promise<number> {
  const doc = globalThis.document;
  if (doc?.visibilityState !== 'visible' || typeof requestAnimationFrame !== 'function')
    return yieldToEventLoop().then(() => 0);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (rendered: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(rendered);
    };
    let frameStart = 0;
    // A task queued from the frame callback runs once that frame's style, layout and paint are done.
    requestAnimationFrame(() => {
      frameStart = performance.now();
      void yieldToEventLoop().then(() => settle(performance.now() - frameStart));
    });
    // No frame in time: hidden meanwhile (0), or a frame still rendering when the timer got its turn.
    const timer = setTimeout(() => settle(frameStart ? performance.now() - frameStart : 0), FRAME_TIMEOUT_MS);
  });
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
