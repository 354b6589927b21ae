import * as live from '../../../src/annotate/wrap/live';

/** A gate on the live part of wrap mode (see `delayLive`). */
export interface LiveGate {
  /** The live part arrives now (the sessions waiting for it take the page's changes over). */
  release(): void;
  /** It cannot be loaded (like a 404). */
  fail(): void;
  /** Wrap sessions started from now on have it bundled again. */
  restore(): void;
}

/**
 * Wrap sessions started from now on get their live part as the drop-in's do: after their first pass, once the
 * gate is released. What the page does until then is kept, and handled when it arrives.
 */
export function delayLive(): LiveGate {
  let release!: () => void;
  let fail!: () => void;
  const arrived = new Promise<typeof live>((resolve, reject) => {
    release = () => resolve(live);
    fail = () => reject(new Error('could not load dszd-term.live.js (test)'));
  });
  // a rejection nobody waits for yet is not an unhandled one
  arrived.catch(() => {});
  const gate = liveGate();
  gate.load = () => arrived;
  return { release, fail, restore: () => (gate.load = null) };
}

/**
 * The gate the browser tests' load-live.ts reads (test/browser/live-gate-plugin.mjs serves it in place of the source
 * file): while `load` is set, wrap sessions get their live part from it after their first pass.
 */
function liveGate(): { load: (() => Promise<typeof live>) | null } {
  const holder = globalThis as unknown as { __dszdLiveGate?: { load: (() => Promise<typeof live>) | null } };
  return (holder.__dszdLiveGate ??= { load: null });
}
