const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Whether a configured URL may become a link. Accepted:
 * - an absolute http: or https: URL, written with its scheme (`https://www.zj.gov.cn/glossary`), on any site;
 * - a relative URL that stays on the page's own site (same scheme and host): `glossary.html`, `/g/`, `../g#x`.
 * A relative-looking URL is resolved with the URL parser first and judged by where it really goes, so
 * `//other.example/g`, `/\other.example` and `\\other.example` (which browsers read as another site) are refused
 * unless that site is the page's own: to link another site, write its https: URL. `javascript:`, `data:` and every
 * other scheme are refused, also when disguised with tabs, new lines or leading control characters (the URL parser
 * strips those, so the check runs on the stripped form).
 */
export function isSafeLinkUrl(raw: string, base: string): boolean {
  const cleaned = stripLikeUrlParser(raw);
  if (!cleaned) return false;
  let url: URL;
  let page: URL;
  try {
    url = new URL(cleaned, base);
    page = new URL(base);
  } catch {
    return false;
  }
  if (SCHEME.test(cleaned)) return url.protocol === 'http:' || url.protocol === 'https:';
  // Relative: the page's own scheme and host (a file: page has no host, its relative links stay local).
  return url.protocol === page.protocol && url.host === page.host;
}

/** Removes what the URL parser ignores: ASCII tab and new line anywhere, C0 controls and space at either end. */
export function stripLikeUrlParser(raw: string): string {
  const text = raw.replace(/[\t\n\r]/g, '');
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}
