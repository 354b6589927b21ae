import { parse, parseFragment } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { Element, isText, type Document } from 'domhandler';

/** How the input is parsed: a whole document (implicit html/head/body) or a fragment of a body. */
export type HtmlParsing = 'auto' | 'document' | 'fragment';

// A document starts (after white space, comments and an XML declaration) with a doctype or an html, head or body tag.
const DOCUMENT_START = /^(?:\s|<!--[\s\S]*?-->|<\?[^>]*>)*<(?:!doctype|html|head|body)[\s>/]/i;

/** Whether `auto` reads the text as a whole document. */
export function isWholeDocument(html: string): boolean {
  return DOCUMENT_START.test(html.charCodeAt(0) === 0xfeff ? html.slice(1) : html);
}

// Tagging needs where each text node's source starts and ends, nothing else: the adapter keeps those two offsets in
// domhandler's startIndex/endIndex and drops every other location (elements' start, end and attribute locations,
// three to five objects per element), which otherwise outweigh the tree itself.
const LOCATED = Object.freeze({});
// Most elements of a page have no attributes: they share one frozen empty dictionary (a null-prototype object is a
// dictionary of its own, heavier than a small element) until the parser adopts attributes into one.
const NO_ATTRIBUTES = Object.freeze(Object.create(null)) as Record<string, string>;
const textLocationAdapter: typeof adapter = {
  ...adapter,
  // Attribute namespaces and prefixes are kept only where an attribute has one (foreign content): the stock adapter
  // gives every element two more dictionaries for them.
  createElement(tagName, namespaceURI, attrs) {
    if (attrs.some(({ namespace, prefix }) => namespace !== undefined || prefix !== undefined))
      return adapter.createElement(tagName, namespaceURI, attrs);
    let attribs = NO_ATTRIBUTES;
    if (attrs.length) {
      attribs = Object.create(null) as Record<string, string>;
      for (const { name, value } of attrs) attribs[name] = value;
    }
    const element = new Element(tagName, attribs, []);
    element.namespace = namespaceURI;
    return element;
  },
  // A second <html> or <body> tag gives the first one the attributes it lacks (the stock adapter would also write to
  // the namespace and prefix dictionaries our elements do not have).
  adoptAttributes(recipient, attrs) {
    if (recipient['x-attribsNamespace']) return adapter.adoptAttributes(recipient, attrs);
    const attribs = Object.assign(Object.create(null), recipient.attribs) as Record<string, string>;
    for (const { name, value } of attrs) if (attribs[name] === undefined) attribs[name] = value;
    recipient.attribs = attribs;
  },
  setNodeSourceCodeLocation(node, location) {
    if (location && isText(node)) {
      node.startIndex = location.startOffset;
      node.endIndex = location.endOffset;
    }
  },
  // parse5 asks only whether a node has a location, to extend a text node's end as more text joins it
  getNodeSourceCodeLocation: (node) =>
    isText(node) && node.startIndex !== null
      ? (LOCATED as ReturnType<typeof adapter.getNodeSourceCodeLocation>)
      : undefined,
  updateNodeSourceCodeLocation(node, location) {
    if (isText(node) && location.endOffset !== undefined) node.endIndex = location.endOffset;
  },
};

/**
 * Parses with parse5 (spec-compliant) into domhandler nodes; each text node's source range is in its `startIndex` and
 * `endIndex` (no other node has one).
 */
export function parseHtml(html: string, parsing: HtmlParsing = 'auto'): Document {
  const options = { treeAdapter: textLocationAdapter, sourceCodeLocationInfo: true } as const;
  const whole = parsing === 'document' || (parsing === 'auto' && isWholeDocument(html));
  return whole ? parse(html, options) : parseFragment(html, options);
}
