// The drop-in loads wrap mode's live part (healing, the page's changes) as a stage of its own after the first pass;
// the ES build has it bundled (src/annotate/wrap/load-live.ts). The browser tests get a load-live.ts that behaves as
// the bundled one until a test holds the live part back (test/browser/helpers/delay-live.ts), so that the drop-in's
// way can be tested on the sources without a test switch in the shipped code.
const LOAD_LIVE = '/src/annotate/wrap/load-live.ts';

/** The global through which delay-live.ts opens and closes the gate (one per page). */
export const LIVE_GATE_KEY = '__dszdLiveGate';

const MODULE = `import * as live from './live';
const gate = (globalThis.${LIVE_GATE_KEY} ??= { load: null });
export function getBundledLive() {
  return gate.load ? null : live;
}
export function loadLive() {
  return gate.load ? gate.load() : Promise.resolve(live);
}
`;

/** A web-test-runner plugin serving the gated load-live.ts in place of the source file. */
export function liveGatePlugin() {
  return {
    name: 'dszd-live-gate',
    serve(context) {
      if (context.path === LOAD_LIVE) return { body: MODULE, type: 'js' };
      return undefined;
    },
  };
}
