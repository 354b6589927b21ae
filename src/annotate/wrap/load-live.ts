import * as live from './live';

/** Set by `deferLiveForTests`: wrap sessions then get their live part later, from it. */
let deferred: (() => Promise<typeof live>) | null = null;

/**
 * Where a wrap session gets its live part (healing, the page's changes, editable content): here it is bundled and
 * there from the start. The drop-in's build swaps this module for src/stages/fetch-live-stage.ts, which loads it as
 * a stage of its own once the first pass is done (the session keeps the page's changes until then).
 */
export function getBundledLive(): typeof live | null {
  return deferred ? null : live;
}

/** The live part for a session that started without it. */
export function loadLive(): Promise<typeof live> {
  return deferred ? deferred() : Promise.resolve(live);
}

/**
 * For tests: wrap sessions started from now on get their live part as the drop-in's do, after the first pass,
 * when `load` gives it (or never, if it rejects); null goes back to bundled.
 */
export function deferLiveForTests(load: (() => Promise<typeof live>) | null): void {
  deferred = load;
}
