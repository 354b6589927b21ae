import { reportError } from '../events/error-event';
import type * as CardHost from './card-host';
import { fetchCardHost } from './fetch-card-host';

/** The card module (`getSharedCard`, `findSharedCard`…), which arrives apart from the terms. */
export type CardHostModule = typeof CardHost;

let loaded: CardHostModule | undefined;
let pending: Promise<CardHostModule> | undefined;

/**
 * The card and its positioning, loaded once: concurrent callers share one request. A failure is
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
 * hover finds it already there; the card stage then makes the page's card, idle again (see prepareSharedCard).
 * Failures are reported (`loadCardHost`: retried on the next intent).
 */
export function preloadCardWhenIdle(win: Window = window): void {
  const fetchCard = () =>
    void loadCardHost().then(
      (host) => host.prepareSharedCard(win.document),
      () => undefined,
    );
  // (the card stage's idleScheduler does the same; importing it here cost this stage 0.1 KB gzip)
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(fetchCard, { timeout: 3000 });
  else win.setTimeout(fetchCard, 300);
}

/**
 * Removes the page's card unless it is open (it was made ahead of use, or a term left it closed), or stops its
 * preparation: an annotation's removal leaves the page as it was. The next intent makes it again.
 */
export function removeClosedCard(): void {
  // also when there is no card yet: its preparation stops
  if (!loaded?.findSharedCard()?.open) loaded?.removeSharedCard();
}
