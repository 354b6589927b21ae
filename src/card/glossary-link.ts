import { getEntryAnchorId } from '../glossary/entry-anchor';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Whether a configured URL may become a link: http(s), or relative to the page. `javascript:`, `data:` and every
 * other scheme are refused, also when disguised with tabs, new lines or leading control characters (the URL parser
 * strips those, so the check runs on the stripped form).
 */
export function isSafeLinkUrl(raw: string, base: string): boolean {
  const cleaned = stripLikeUrlParser(raw);
  if (!cleaned) return false;
  let url: URL;
  try {
    url = new URL(cleaned, base);
  } catch {
    return false;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return true;
  // A relative URL on a page served from elsewhere (file:, app schemes) inherits that page's scheme: still local.
  return !SCHEME.test(cleaned) && !cleaned.startsWith('//') && url.protocol === new URL(base).protocol;
}

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

/** Removes what the URL parser ignores: ASCII tab and new line anywhere, C0 controls and space at either end. */
function stripLikeUrlParser(raw: string): string {
  const text = raw.replace(/[\t\n\r]/g, '');
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}
