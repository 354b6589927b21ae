import type { Platform } from '@floating-ui/dom';

/** When a placement's slice is spent and how to let the page run. */
export interface SliceClock {
  /** Milliseconds of measuring per task, at most (one measurement may overrun it). */
  budgetMs: number;
  now(): number;
  /** Resolves in a later task. */
  yieldToEventLoop(): Promise<void>;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Floating UI's platform (its DOM measurements) for one placement, in slices: a measurement asked for once the
 * slice's budget is spent waits for a later task first. Floating UI awaits every platform call, so on a slow phone
 * one placement — seven middlewares, measured again after `inline` and `flip` restart them — becomes several short
 * tasks instead of one long one; on a fast machine it never yields. Clipping rectangles, the same for every
 * middleware and every restart, are measured once per element.
 */
export function createSlicedPlatform(base: Platform, clock: SliceClock): Platform {
  let sliceStart = clock.now();
  const pause = async (): Promise<void> => {
    if (clock.now() - sliceStart < clock.budgetMs) return;
    await clock.yieldToEventLoop();
    sliceStart = clock.now();
  };
  const sliced: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(base)) {
    if (typeof value !== 'function') {
      sliced[name] = value;
      continue;
    }
    const method = value as Method;
    // `this` is Floating UI's per-placement copy of the platform (its cache, its other methods): passed on
    sliced[name] = async function (this: unknown, ...args: unknown[]) {
      await pause();
      return method.apply(this, args);
    };
  }
  const measureClipping = sliced.getClippingRect as Method;
  const clipping = new Map<unknown, Map<string, unknown>>();
  sliced.getClippingRect = function (this: unknown, args: Parameters<Platform['getClippingRect']>[0]) {
    const { element, boundary, rootBoundary, strategy } = args;
    if (typeof boundary !== 'string' || typeof rootBoundary !== 'string')
      return measureClipping.call(this, args);
    const key = `${boundary} ${rootBoundary} ${strategy}`;
    let byKey = clipping.get(element);
    if (!byKey) clipping.set(element, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, measureClipping.call(this, args));
    return byKey.get(key);
  };
  return sliced as unknown as Platform;
}
