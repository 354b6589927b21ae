import type { DefinitionEntry } from '../definitions/types';

/**
 * Fired on a `<dszd-term>` just before its card opens. Cancelable: `preventDefault()` keeps the card closed.
 * Bubbles and is composed.
 */
export class DszdShowEvent extends Event {
  static readonly type = 'dszd-show';
  constructor(
    /** The entry the card is about to show. */
    readonly entry: DefinitionEntry,
  ) {
    super(DszdShowEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dszd-show': DszdShowEvent;
  }
}
