import { reportError } from '../events/error-event';
import type * as CardHost from './card-host';
import { fetchCardHost } from './fetch-card-host';

/** The card module (`getSharedCard`, `findSharedCard`…), which arrives apart from the terms. */
export type CardHostModule = typeof CardHost;

let loaded: CardHostModule | undefined;
let pending: Promise<CardHostModule> | undefined;

/**
 * The card, its definitions texts and positioning, loaded once: concurrent callers share one request. A failure is
 * reported once (console.warn and `dszd-error` on the document) and forgotten, so the next intent tries again.
 */
export function loadCardHost(): Promise<CardHostModule> {
  if (loaded) return Promise.resolve(loaded);
  pending ??= fetchCardHost().then(
    (host) => (loaded = host),
    (error: unknown) => {
      pending = undefined;
      reportError(typeof document === 'undefined' ? undefined : document, error, 'card stage');
      throw error;
    },
  );
  return pending;
}

/** The card module if it has arrived: leaving or blurring a term needs no card and must not fetch one. */
export function findLoadedCardHost(): CardHostModule | undefined {
  return loaded;
}

/**
 * Fetches the card when the browser is idle (`requestIdleCallback`, which Safari lacks: a timer there), so that a
 * hover finds it already there. Failures are reported by `loadCardHost` and retried on the next intent.
 */
export function preloadCardWhenIdle(win: Window = window): void {
  const load = () => void loadCardHost().catch(() => undefined);
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(load, { timeout: 3000 });
  else win.setTimeout(load, 300);
}
