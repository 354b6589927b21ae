// Waiting in tests: for frames, for a task, and for an outcome. The waits for an outcome poll and have a deadline
// only to stop a build that never gets there: a loaded machine is slow, and the assertions are on results, never on
// how fast they came.

/** Resolves after `count` animation frames. */
export async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Resolves after `ms` milliseconds (0: in the next task). */
export function sleep(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `condition` each frame until it holds; resolves whether it did. Gives up only after `limit` frames and 10 s
 * both: a loaded machine renders fewer frames and takes more of them for the same work.
 */
export async function waitFor(condition: () => boolean, limit = 120): Promise<boolean> {
  const deadline = performance.now() + 10_000;
  for (let i = 0; i < limit || performance.now() < deadline; i++) {
    if (condition()) return true;
    await frames(1);
  }
  return condition();
}

/**
 * Polls `read` every 20 ms until it gives something truthy, and resolves with it; fails naming `what` if it has not
 * after `ms`. For pages in frames (their frames are not ours) and outcomes that come in tasks.
 */
export async function waitForValue<T>(
  read: () => T | null | undefined | false,
  what: string,
  ms = 15_000,
): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * Runs `assertion` each frame until it passes. The live annotation works in time slices, so on a loaded machine a
 * batch may take more frames than on an idle one: wait for the outcome, not for a number of frames. The deadline
 * (10 s) only stops a build that never gets there; then the assertion's own failure is thrown.
 */
export async function eventually(assertion: () => void): Promise<void> {
  const deadline = performance.now() + 10_000;
  while (true) {
    try {
      assertion();
      return;
    } catch (error) {
      if (performance.now() > deadline) throw error;
    }
    await frames(1);
  }
}
