/** Hover intent: the show dwell, the hide delay and the bridge that carries the pointer from the term to the card. */

/** What a pending timer will do. */
export type IntentKind = 'show' | 'hide';

/** The side of the term the card sits on. */
export type Side = 'top' | 'bottom' | 'left' | 'right';

/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The transparent area between the term and the card, in px relative to the card's top-left corner. */
export interface Bridge {
  left: number;
  top: number;
  width: number;
  height: number;
  /** A `clip-path: polygon(…)` value in px relative to the bridge box: the trapezoid from term edge to card edge. */
  clipPath: string;
}

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

/**
 * The bridge between the term's facing edge and the card's facing edge, so the pointer crossing the gap (the offset
 * and the arrow) never leaves "term or card". Undefined when the two touch or overlap: nothing to bridge.
 */
export function computeBridge(anchor: Box, card: Box, side: Side): Bridge | undefined {
  let points: Array<[number, number]>;
  switch (side) {
    case 'bottom':
      if (card.top <= anchor.bottom) return undefined;
      points = [
        [anchor.left, anchor.bottom],
        [anchor.right, anchor.bottom],
        [card.right, card.top],
        [card.left, card.top],
      ];
      break;
    case 'top':
      if (card.bottom >= anchor.top) return undefined;
      points = [
        [card.left, card.bottom],
        [card.right, card.bottom],
        [anchor.right, anchor.top],
        [anchor.left, anchor.top],
      ];
      break;
    case 'right':
      if (card.left <= anchor.right) return undefined;
      points = [
        [anchor.right, anchor.top],
        [card.left, card.top],
        [card.left, card.bottom],
        [anchor.right, anchor.bottom],
      ];
      break;
    case 'left':
      if (card.right >= anchor.left) return undefined;
      points = [
        [card.right, card.top],
        [anchor.left, anchor.top],
        [anchor.left, anchor.bottom],
        [card.right, card.bottom],
      ];
      break;
  }
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const polygon = points.map(([x, y]) => `${round(x - left)}px ${round(y - top)}px`).join(', ');
  return {
    left: round(left - card.left),
    top: round(top - card.top),
    width: round(Math.max(...xs) - left),
    height: round(Math.max(...ys) - top),
    clipPath: `polygon(${polygon})`,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
