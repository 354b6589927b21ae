import type { DefinitionEntry, DefinitionSet } from '../definitions/types';

/**
 * What the shared card needs from the element that opens it (`<dszd-term>`). The card stays free of term lookup
 * and markup rules; a trigger stays free of positioning and timers.
 */
export interface CardTrigger extends HTMLElement {
  /** The entry to show; undefined for an unknown term (the card never opens for it). */
  readonly entry: DefinitionEntry | undefined;
  /** The set the entry comes from (its title, version, issuer and date make the source line). */
  readonly definitionSet: DefinitionSet;
  /** Milliseconds the pointer must rest on the term before the card opens. */
  readonly showDelay: number;
  /** Milliseconds after the pointer left the term and the card before the card closes. */
  readonly hideDelay: number;
  /** Every element that counts as this term (the pieces of a split match), the trigger first. */
  readonly pieces: readonly HTMLElement[];
  /** Told when its card opens (the card) or closes (null): aria-expanded, aria-controls, highlight. */
  setExpanded(card: HTMLElement | null): void;
}
