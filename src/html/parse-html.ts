import { parse, parseFragment } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import type { Document } from 'domhandler';

/** How the input is parsed: a whole document (implicit html/head/body) or a fragment of a body. */
export type HtmlParsing = 'auto' | 'document' | 'fragment';

// A document starts (after white space, comments and an XML declaration) with a doctype or an html, head or body tag.
const DOCUMENT_START = /^(?:\s|<!--[\s\S]*?-->|<\?[^>]*>)*<(?:!doctype|html|head|body)[\s>/]/i;

/** Whether `auto` reads the text as a whole document. */
export function isWholeDocument(html: string): boolean {
  return DOCUMENT_START.test(html.charCodeAt(0) === 0xfeff ? html.slice(1) : html);
}

/** Parses with parse5 (spec-compliant, with source locations) into domhandler nodes. */
export function parseHtml(html: string, parsing: HtmlParsing = 'auto'): Document {
  const options = { treeAdapter: adapter, sourceCodeLocationInfo: true } as const;
  const whole = parsing === 'document' || (parsing === 'auto' && isWholeDocument(html));
  return whole ? parse(html, options) : parseFragment(html, options);
}
