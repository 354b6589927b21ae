/** What an idle callback is told (the shape of `IdleDeadline`). */
export interface StepDeadline {
  readonly didTimeout: boolean;
  timeRemaining(): number;
}

/** Calls `work` when the browser is idle (see idleScheduler). */
export type IdleScheduler = (work: (deadline: StepDeadline) => void) => void;

/** Idle time a step needs to start, in ms, unless its callback timed out (the page was never idle that long). */
const STEP_MS = 20;

/**
 * `requestIdleCallback` (at the latest after `timeout` ms), or where it is missing (Safari) a timer whose callback
 * may run one step (its deadline says it timed out and has no time left).
 */
export function idleScheduler(win: Window, timeout = 3000): IdleScheduler {
  if (typeof win.requestIdleCallback === 'function')
    return (work) => win.requestIdleCallback(work, { timeout });
  return (work) => win.setTimeout(() => work({ didTimeout: true, timeRemaining: () => 0 }), 50);
}

/**
 * Runs `steps` in order, one per idle callback, each only with STEP_MS of idle time left (or once its callback timed
 * out): on a phone each step is tens of ms, a task of its own that does not hold up the page's next frame or input.
 * Takes each step out of `steps` as it runs it: emptying the array stops the run. A step that throws ends the run too;
 * `onError` is told.
 */
export function runIdleSteps(
  steps: Array<() => void>,
  schedule: IdleScheduler,
  onError: (error: unknown) => void,
): void {
  const run = (deadline: StepDeadline) => {
    if (!steps.length) return;
    if (deadline.didTimeout || deadline.timeRemaining() >= STEP_MS)
      try {
        steps.shift()!();
      } catch (error) {
        onError(error);
        return;
      }
    if (steps.length) schedule(run);
  };
  schedule(run);
}
