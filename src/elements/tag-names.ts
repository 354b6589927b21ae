/** The names of the library's elements: every module that creates, finds or registers one reads them here. */

/** A term on the page: wrapped by the annotator, written by the Node tagger, or by hand. */
export const TERM_TAG = 'dszd-term';
/** The page's one shared card. */
export const CARD_TAG = 'dszd-card';
/** The glossary page's list of every entry. */
export const GLOSSARY_TAG = 'dszd-glossary';
/** Highlight mode's keyboard and screen-reader control (outside the annotated root). */
export const TERM_INDEX_TAG = 'dszd-term-index';
