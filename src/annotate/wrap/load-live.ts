import * as live from './live';

/**
 * Where a wrap session gets its live part (healing, the page's changes, editable content): here it is bundled and
 * there from the start. The drop-in's build swaps this module for src/stages/fetch-live-stage.ts, which loads it as
 * a stage of its own once the first pass is done (the session keeps the page's changes until then); the browser
 * tests swap it for a gated copy (test/browser/live-gate-plugin.mjs) to test that way on the sources.
 */
export function getBundledLive(): typeof live | null {
  return live;
}

/** The live part for a session that started without it. */
export function loadLive(): Promise<typeof live> {
  return Promise.resolve(live);
}
