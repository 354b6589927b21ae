import { getEntryAnchorId } from './entry-anchor';
import { isSafeLinkUrl, stripLikeUrlParser } from './safe-link-url';

// isSafeLinkUrl is in safe-link-url.ts: the first stage checks the setting, the link only comes with the card
export { isSafeLinkUrl } from './safe-link-url';

/** The address of an entry on the glossary page, or undefined when no (safe) glossary URL is configured. */
export function buildGlossaryLink(
  glossaryUrl: string | undefined,
  serial: number,
  base: string,
): string | undefined {
  if (!glossaryUrl || !isSafeLinkUrl(glossaryUrl, base)) return undefined;
  const url = new URL(stripLikeUrlParser(glossaryUrl), base);
  url.hash = getEntryAnchorId(serial);
  return url.href;
}
