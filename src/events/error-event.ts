/**
 * Fired on the annotated root (or the element) when dszd-term caught an error instead of letting it reach the host
 * page. Bubbles and is composed.
 */
export class DszdErrorEvent extends Event {
  static readonly type = 'dszd-error';
  constructor(
    /** What went wrong. */
    readonly error: unknown,
    /** Where: a short phrase such as "annotate" or "card position". */
    readonly context: string,
  ) {
    super(DszdErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dszd-error': DszdErrorEvent;
  }
}

/** Reports a caught error: one console.warn and a `dszd-error` event on `target`. Never throws. */
export function reportError(target: EventTarget | null | undefined, error: unknown, context: string): void {
  try {
    console.warn(`dszd-term: ${context}:`, error);
    target?.dispatchEvent(new DszdErrorEvent(error, context));
  } catch {
    // a host listener threw: the host's problem must not become ours, nor the other way round
  }
}
