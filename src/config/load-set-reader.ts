import type * as SetReader from './read-sets';

/**
 * The set reader (fetching and checking a page's own sets), loaded on first use. In the ES module build a dynamic
 * import (the page's bundler splits it off); the drop-in script's build replaces this module with
 * src/stages/fetch-sets-stage.ts, which loads `dszd-term.sets.js`.
 */
export function loadSetReader(): Promise<typeof SetReader> {
  return import('./read-sets');
}
