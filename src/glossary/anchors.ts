/**
 * Entry anchors: ids in a shadow root cannot be reached by a URL fragment, so each entry gets an empty light-DOM
 * element carrying its id, slotted into the entry's place in the shadow tree (where the browser scrolls to it).
 */

const PREFIX = 'dszd-entry-';
const MARKER = 'data-dszd-anchor';

/** The id (and fragment) of an entry's anchor, e.g. `dszd-entry-23`. */
export function getEntryAnchorId(serial: number): string {
  return `${PREFIX}${serial}`;
}

/** The serial a URL fragment (`#dszd-entry-23`) points at, or undefined. */
export function readHashSerial(hash: string): number | undefined {
  const match = /^#?dszd-entry-(\d+)$/.exec(hash);
  return match ? Number(match[1]) : undefined;
}

/** Gives `host` exactly one anchor child per serial (reusing the ones it has) and removes anchors of other serials. */
export function syncEntryAnchors(host: HTMLElement, serials: readonly number[]): void {
  const wanted = new Set(serials.map(getEntryAnchorId));
  for (const anchor of [...host.querySelectorAll(`:scope > [${MARKER}]`)]) {
    if (wanted.has(anchor.id)) wanted.delete(anchor.id);
    else anchor.remove();
  }
  const fresh = [...wanted].map((id) => {
    const anchor = host.ownerDocument.createElement('span');
    anchor.setAttribute(MARKER, '');
    anchor.id = id;
    anchor.slot = id;
    return anchor;
  });
  host.append(...fresh);
}
