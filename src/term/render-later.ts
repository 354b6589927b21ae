import { SLICE_BUDGET_MS, yieldToEventLoop } from '../live/schedule';

// Calls waiting their turn, in the order they came; one drain at a time.
const waiting = new Set<() => void>();
let draining = false;

/**
 * Calls `render` (a term's `requestUpdate`, say) soon, with the others asked for, a slice of about SLICE_BUDGET_MS
 * at a time and a task between slices: what many terms do at once (describe themselves as the definitions arrive)
 * would be one long task on a phone, about a millisecond a term there. A call asked for again while it waits runs
 * once. Errors are logged, never thrown.
 */
export function renderLater(render: () => void): void {
  waiting.add(render);
  if (draining) return;
  draining = true;
  void drain();
}

async function drain(): Promise<void> {
  try {
    // after the code that asked: what it asks for in one go is taken once each
    await undefined;
    let start = performance.now();
    // (a Set's iterator sees what is added meanwhile and passes over what is deleted)
    for (const render of waiting) {
      waiting.delete(render);
      try {
        render();
      } catch (error) {
        console.warn('dszd-term: render:', error);
      }
      // the render it asked for runs now (a microtask queued before this one), and counts in this slice
      await undefined;
      if (performance.now() - start > SLICE_BUDGET_MS) {
        await yieldToEventLoop();
        start = performance.now();
      }
    }
  } finally {
    draining = false;
  }
}
