import { hostObservers, OBSERVED, type HostRecordsObserver } from './own-mutations';

/** What a recorder kept: every record (for the batches), and those healing must see. */
export interface Recorded {
  all: MutationRecord[];
  /**
   * The records that touched the annotator's nodes when they were made. Healing reads a record against the nodes
   * as they are when it runs; one made before the annotator split its node (the first pass went on meanwhile)
   * must not read as the host rewriting that split node.
   */
  heal: MutationRecord[];
}

/**
 * Keeps the host's mutation records from the first wrap on, until the live stage (which heals and re-annotates)
 * is there to take them over: nothing the page does meanwhile is missed, and nothing is acted on yet.
 */
export class MutationRecorder implements HostRecordsObserver {
  /** The trees observed: the root and the open shadow roots the walk entered. */
  readonly _watched: Node[] = [];
  /** Whether it stopped (its records were handed over, or dropped). */
  _stopped = false;
  private _records: Recorded = { all: [], heal: [] };
  private readonly _observer = new MutationObserver((records) => this._keep(records));
  private readonly _isOwn: (node: Node | null) => boolean;

  /** `isOwn`: whether a node is one the annotator made or split (what healing acts on). */
  constructor(root: Node, isOwn: (node: Node | null) => boolean) {
    this._isOwn = isOwn;
    this.watch(root);
    hostObservers.add(this);
  }

  /** Observes one more tree (an open shadow root under the root). */
  watch(node: Node): void {
    this._observer.observe(node, OBSERVED);
    this._watched.push(node);
  }

  takeHostRecords(): void {
    this._keep(this._observer.takeRecords());
  }

  dropOwnRecords(): void {
    this._observer.takeRecords();
  }

  /** Stops recording; returns the host's records, oldest first. */
  _stop(): Recorded {
    this._stopped = true;
    this.takeHostRecords();
    this._observer.disconnect();
    hostObservers.delete(this);
    const records = this._records;
    this._records = { all: [], heal: [] };
    return records;
  }

  private _keep(records: readonly MutationRecord[]): void {
    const own = this._isOwn;
    for (const record of records) {
      this._records.all.push(record);
      if (
        own(record.target) ||
        own(record.previousSibling) ||
        own(record.nextSibling) ||
        [...record.addedNodes, ...record.removedNodes].some(own)
      )
        this._records.heal.push(record);
    }
  }
}
