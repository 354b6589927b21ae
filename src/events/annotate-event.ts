/** What one annotation pass did. */
export interface AnnotateResult {
  /** Matches wrapped (a match split across inline elements counts once). */
  matches: number;
  /** Text nodes examined. */
  textNodes: number;
  /** Wall-clock milliseconds from start to finish, yields to the event loop included. */
  ms: number;
}

/**
 * Fired on the annotated root when a pass of `annotate()` has finished: the initial pass, and each live batch that
 * wrapped something. Bubbles and is composed.
 */
export class DszdAnnotateEvent extends Event implements AnnotateResult {
  static readonly type = 'dszd-annotate';
  readonly matches: number;
  readonly textNodes: number;
  readonly ms: number;
  constructor(result: AnnotateResult) {
    super(DszdAnnotateEvent.type, { bubbles: true, composed: true });
    this.matches = result.matches;
    this.textNodes = result.textNodes;
    this.ms = result.ms;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dszd-annotate': DszdAnnotateEvent;
  }
}
