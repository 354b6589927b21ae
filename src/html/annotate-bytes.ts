import { planAnnotations, type HtmlMatch } from './annotate-html';
import { isBinaryContent } from './detect-binary';
import { decodeHtmlBytes, detectEncoding, type HtmlEncoding } from './encoding';
import { encodeAnnotated, encodeAnnotatedChunks } from './encode-output';
import { HtmlInputError } from './input-error';
import type { AnnotateHtmlOptions } from './options';

// A tag, end tag, comment or doctype: what any HTML page has and plain text has not.
const MARKUP = /<[a-zA-Z!/?]/;

export interface AnnotateHtmlBytesOptions extends AnnotateHtmlOptions {
  /** The encoding of pages that declare none (no byte order mark, no `<meta charset>`). @default "utf-8" */
  encoding?: string;
  /**
   * Refuse text with no markup at all as "not HTML" (a CMS export's stray .txt or .csv) instead of tagging it as a
   * fragment of plain text.
   * @default false
   */
  requireMarkup?: boolean;
}

export interface AnnotateHtmlBytesResult {
  /** The tagged page in its own encoding; the input itself when nothing was tagged. */
  bytes: Uint8Array;
  /** The tagged terms; their offsets count UTF-16 units of the decoded text, not bytes. */
  matches: HtmlMatch[];
  encoding: HtmlEncoding;
}

/**
 * Tags a page given as bytes (a file of a CMS export) and writes it back in the same encoding: UTF-8, UTF-16 with a
 * byte order mark, GBK / GB2312 / GB18030 and the other encodings iconv-lite knows. Throws {@link HtmlInputError}
 * for binary content or bytes that are not valid in the page's encoding, and AnnotateHtmlError for bad options.
 */
export function annotateHtmlBytes(
  bytes: Uint8Array,
  options: AnnotateHtmlBytesOptions = {},
): AnnotateHtmlBytesResult {
  const { matchCount: _count, ...result } = tagHtmlBytes(bytes, options, true);
  return result;
}

/**
 * {@link annotateHtmlBytes}, with the list of matches only when `keepMatches` (the CLI needs their number alone, and
 * on a page with millions of matches the list would outweigh the page).
 */
export function tagHtmlBytes(
  bytes: Uint8Array,
  options: AnnotateHtmlBytesOptions,
  keepMatches: boolean,
): AnnotateHtmlBytesResult & { matchCount: number } {
  const { encoding, text, plan } = planHtmlBytes(bytes, options, keepMatches);
  return {
    bytes: encodeAnnotated(bytes, encoding, text, plan.insertions),
    matches: plan.matches,
    matchCount: plan.matchCount,
    encoding,
  };
}

/**
 * Tags a page given as bytes for a caller that writes it out piece by piece (the CLI): the tagged page as chunks of
 * about a megabyte, made as they are taken, so the tagged page is never in memory whole. Bad input is refused (with
 * {@link HtmlInputError}) before the first chunk. `changed` is false when nothing was tagged (the one chunk is then
 * the input itself).
 */
export function tagHtmlChunks(
  bytes: Uint8Array,
  options: AnnotateHtmlBytesOptions,
): { chunks: Iterable<Uint8Array>; matchCount: number; changed: boolean } {
  const { encoding, text, plan } = planHtmlBytes(bytes, options, false);
  return {
    chunks: encodeAnnotatedChunks(bytes, encoding, text, plan.insertions),
    matchCount: plan.matchCount,
    changed: plan.insertions.length > 0,
  };
}

/** Detects the encoding, decodes and checks the page, and plans its tags. */
function planHtmlBytes(bytes: Uint8Array, options: AnnotateHtmlBytesOptions, keepMatches: boolean) {
  const { encoding: fallback, requireMarkup = false, ...annotateOptions } = options;
  const encoding = detectEncoding(bytes, fallback);
  const wide = encoding.name.startsWith('utf-16');
  // UTF-16 bytes are full of NULs: judge them once decoded.
  if (!wide && isBinaryContent(bytes)) throw new HtmlInputError('binary', 'binary file, not HTML');
  const text = decodeHtmlBytes(bytes, encoding);
  if (wide && isBinaryContent(text)) throw new HtmlInputError('binary', 'binary file, not HTML');
  if (requireMarkup && !MARKUP.test(text))
    throw new HtmlInputError('not-html', 'not HTML (no markup at all)');
  return { encoding, text, plan: planAnnotations(text, annotateOptions, keepMatches) };
}
