import { CARD_TAG, TERM_TAG } from '../elements/define';

/**
 * The skip and boundary rules, written once and used by the DOM annotator (element.matches), the Node tagger
 * (css-select on parse5 trees) and the element. Expressed as a CSS selector so both sides evaluate the same rule.
 */

/** Elements whose text is never annotated, and which end a text run. */
export const SKIPPED_SELECTORS: readonly string[] = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'a',
  'code',
  'pre',
  // obsolete raw-text and preformatted elements: markup cannot be written inside them, so neither side tags them
  'listing',
  'xmp',
  'plaintext',
  'noembed',
  'noframes',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'title',
  // ruby annotations (pinyin) are not part of the word they annotate
  'rt',
  'rp',
  '[contenteditable]:not([contenteditable="false"])',
  // accessibility: text a screen reader never hears, and controls whose accessible name is their text (a term
  // inside would be a focusable element in an aria-hidden subtree, or an interactive element nested in another)
  '[aria-hidden="true"]',
  '[inert]',
  'summary',
  'label',
  ...'button link tab option menuitem menuitemcheckbox menuitemradio treeitem switch checkbox radio'
    .split(' ')
    .map((role) => `[role=${role}]`),
  TERM_TAG,
  // the shared card lives in <body>: its own definitions (in an open shadow root) are never annotated
  CARD_TAG,
  '[data-dszd-skip]',
];

/** The selector an element is skipped by: the defaults, plus the caller's `exclude` selector if any. */
export function skipSelector(exclude?: string): string {
  const extra = exclude?.trim();
  return extra ? `${SKIPPED_SELECTORS.join(', ')}, ${extra}` : SKIPPED_SELECTORS.join(', ');
}

/**
 * Elements that end a text run: no match spans them. Block-level and table elements, line breaks and replaced
 * elements (a word does not continue across an image). Inline elements (span, b, em, font, …) and wbr do not.
 */
// prettier-ignore
export const BOUNDARY_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'audio', 'blockquote', 'body', 'br', 'canvas', 'caption', 'center', 'col',
  'colgroup', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'img',
  'legend', 'li', 'main', 'menu', 'meter', 'nav', 'object', 'ol', 'optgroup', 'output', 'p', 'picture', 'progress',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'video',
]);

/** The markup the annotator and the tagger write. */
export { TERM_TAG };
/** The attribute naming the entry by its official term. */
export const TERM_ATTRIBUTE = 'term';
/** Shared by the pieces of one match split across inline elements: they act as one term. */
export const MATCH_ATTRIBUTE = 'data-dszd-match';
/** Marks a wrapper the browser annotator added (so it can be removed again); CMS tags carry no marker. */
export const AUTO_ATTRIBUTE = 'data-dszd-auto';
