import type { DefinitionEntry } from '../definitions/types';

/** Fired on a `<dszd-term>` after its card closed, whatever closed it. Bubbles and is composed. */
export class DszdHideEvent extends Event {
  static readonly type = 'dszd-hide';
  constructor(
    /** The entry the card was showing. */
    readonly entry: DefinitionEntry,
  ) {
    super(DszdHideEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dszd-hide': DszdHideEvent;
  }
}
