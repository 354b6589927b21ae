/** Hover intent: the show dwell and the hide delay (the bridge the pointer crosses to the card is in ./bridge). */

/** What a pending timer will do. */
export type IntentKind = 'show' | 'hide';

/** The timer functions hover intent runs on. */
export interface IntentTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The page's own timers, looked up at call time. */
const pageTimers: IntentTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

let defaultTimers: IntentTimers = pageTimers;

/**
 * Makes every HoverIntent built without timers of its own (the shared card's among them) schedule on `timers` from
 * now on; without an argument, on the page's timers again. Tests pass a fake clock, so dwell and hide delays take
 * no real time.
 */
export function useIntentTimers(timers: IntentTimers = pageTimers): void {
  defaultTimers = timers;
}

/** One pending show or hide for the whole page: scheduling a new one replaces it, so only one card is ever due. */
export class HoverIntent {
  private readonly _ownTimers: IntentTimers | undefined;
  /** The timers the pending action was scheduled on (cancelled on the same ones). */
  private _timers: IntentTimers | undefined;
  private _timer: unknown;
  private _kind: IntentKind | undefined;
  private _key: unknown;

  /** `timers`: what to schedule on; by default the page's, or those given to `useIntentTimers`. */
  constructor(timers?: IntentTimers) {
    this._ownTimers = timers;
  }

  /** Runs `action` after `delay` ms unless cancelled or replaced first. `key` tells pending actions apart. */
  schedule(kind: IntentKind, delay: number, action: () => void, key?: unknown): void {
    this.cancel();
    const timers = this._ownTimers ?? defaultTimers;
    this._timers = timers;
    this._kind = kind;
    this._key = key;
    this._timer = timers.setTimeout(() => {
      this._timer = this._timers = this._kind = this._key = undefined;
      action();
    }, delay);
  }

  /** Whether an action of this kind (and key, when given) is pending. */
  isPending(kind: IntentKind, key?: unknown): boolean {
    return this._timers !== undefined && this._kind === kind && (key === undefined || this._key === key);
  }

  /** Cancels the pending action (only if it is of this kind and key, when given). Returns whether one was cancelled. */
  cancel(kind?: IntentKind, key?: unknown): boolean {
    if (this._timers === undefined) return false;
    if (kind !== undefined && !this.isPending(kind, key)) return false;
    this._timers.clearTimeout(this._timer);
    this._timer = this._timers = this._kind = this._key = undefined;
    return true;
  }
}
