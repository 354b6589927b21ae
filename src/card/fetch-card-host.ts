import type * as CardHost from './card-host';

/**
 * Gets the card module. In the ES module build a dynamic import (the page's bundler splits it off); the drop-in
 * script's build replaces this module with src/stages/fetch-card-stage.ts, which loads `dszd-term.card.js`.
 */
export function fetchCardHost(): Promise<typeof CardHost> {
  return import('./card-host');
}
