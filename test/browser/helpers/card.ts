// The shared card of the test page: finding it, its parts, whether it is open, and putting the page back.
import { resetMouse } from '@web/test-runner-commands';
import { findSharedCard, removeSharedCard } from '../../../src/card/card-host';
import type { DszdCard } from '../../../src/card/dszd-card';
import { resetTermsConfig } from '../../../src/config/terms-config';
import '../../../src/define';

/** The shared card, which must exist. */
export function sharedCard(): DszdCard {
  const card = findSharedCard();
  if (!card) throw new Error('no shared card');
  return card;
}

/** The card surface (the popover in the card's shadow root). */
export function surfaceOf(card: DszdCard = sharedCard()): HTMLElement {
  const surface = card.cardElement;
  if (!surface) throw new Error('card not rendered');
  return surface;
}

/** Whether the shared card is open and visible in the top layer. */
export function isCardOpen(): boolean {
  const card = findSharedCard();
  if (!card?.open) return false;
  // open but not rendered yet (a poll can come between the two): not open yet
  const surface = card.cardElement;
  // shown and placed (until placed it is laid out hidden)
  return (
    !!surface &&
    surface.matches(':popover-open') &&
    getComputedStyle(surface).display !== 'none' &&
    surface.classList.contains('placed')
  );
}

/** A part of a card by name: of the shared card, or of `surface` (a card of a page in a frame). */
export function cardPart(name: string, surface: HTMLElement = surfaceOf()): HTMLElement | null {
  return (
    surface.querySelector<HTMLElement>(`[part~="${name}"]`) ??
    (surface.matches(`[part~="${name}"]`) ? surface : null)
  );
}

/** The entry the shared card shows, by its term. */
export function cardTerm(): string | undefined {
  return findSharedCard()?.trigger?.entry?.term;
}

/** Puts the page back: no card, no config, mouse at rest. */
export async function resetPage(): Promise<void> {
  removeSharedCard();
  resetTermsConfig();
  await resetMouse();
  (document.activeElement as HTMLElement | null)?.blur?.();
}
