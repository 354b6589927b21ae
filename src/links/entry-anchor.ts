/**
 * The address of an entry on the glossary page: the card links to `#dszd-entry-<serial>` and `<dszd-glossary>` gives
 * each entry that id. One module, so the two sides cannot drift apart.
 */

/** The id prefix of an entry's anchor. */
export const ENTRY_ID_PREFIX = 'dszd-entry-';

const HASH = new RegExp(`^#?${ENTRY_ID_PREFIX}(\\d+)$`);

/** The id (and fragment) of an entry's anchor, e.g. `dszd-entry-23`. */
export function getEntryAnchorId(serial: number): string {
  return `${ENTRY_ID_PREFIX}${serial}`;
}

/** The serial a URL fragment (`#dszd-entry-23`) points at, or undefined. */
export function readHashSerial(hash: string): number | undefined {
  const match = HASH.exec(hash);
  return match ? Number(match[1]) : undefined;
}
