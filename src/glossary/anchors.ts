/**
 * Entry anchors: ids in a shadow root cannot be reached by a URL fragment, so each entry gets an empty light-DOM
 * element carrying its id, slotted into the entry's place in the shadow tree (where the browser scrolls to it).
 */

import { getEntryAnchorId } from '../links/entry-anchor';

const MARKER = 'data-dszd-anchor';

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
