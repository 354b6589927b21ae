/**
 * A clock that moves only when a test says so: timers (for `useIntentTimers` / `new HoverIntent(clock)`) and a
 * `now()` (for `runInSlices`'s `now`). Shared by the vitest and the browser tests.
 */
export class FakeClock {
  /** The current time in ms. */
  time = 0;
  #nextHandle = 1;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  /** The current time, as `performance.now` would give it. */
  readonly now = (): number => this.time;

  readonly setTimeout = (callback: () => void, ms: number): number => {
    const handle = this.#nextHandle++;
    this.#timers.set(handle, { at: this.time + Math.max(0, ms), callback });
    return handle;
  };

  readonly clearTimeout = (handle: unknown): void => {
    this.#timers.delete(handle as number);
  };

  /** How many timers are pending. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time on by `ms`, running each timer that falls due on the way at its own time, earliest first. */
  tick(ms: number): void {
    const end = this.time + ms;
    while (true) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#timers)
        if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.#timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
  }
}
