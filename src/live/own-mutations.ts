/**
 * The annotator's own DOM changes are hidden from every observer of the host's changes (the live observer, and the
 * drop-in's mutation recorder before the live stage is there): around each change each of them moves the host's
 * records queued so far aside, then drops the records of the change.
 */
export interface HostRecordsObserver {
  /** Moves the host's records queued so far into its own keeping, before we mutate. */
  takeHostRecords(): void;
  /** Drops the records of our own mutations, made since `takeHostRecords`. */
  dropOwnRecords(): void;
}

// The old value tells healing a splitText() of the host's node from a framework writing it (see heal.ts).
export const OBSERVED: MutationObserverInit = {
  childList: true,
  characterData: true,
  characterDataOldValue: true,
  subtree: true,
};

// Every such observer of this instance: any annotation's own mutations are hidden from all of them.
export const hostObservers = new Set<HostRecordsObserver>();

/** Runs the annotator's own DOM changes so that no observer (of any annotation) sees them. */
export function runOwnMutations<T>(mutate: () => T): T {
  for (const observer of hostObservers) observer.takeHostRecords();
  try {
    return mutate();
  } finally {
    for (const observer of hostObservers) observer.dropOwnRecords();
  }
}

/** The hooks a sliced loop calls around each slice so its mutations stay invisible to the observers. */
export const ownSliceHooks = {
  beforeSlice: (): void => {
    for (const observer of hostObservers) observer.takeHostRecords();
  },
  afterSlice: (): void => {
    for (const observer of hostObservers) observer.dropOwnRecords();
  },
};
