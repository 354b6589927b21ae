import type { DszdTermIndex } from '../annotate/highlight/dszd-term-index';
import type { DszdCard } from '../card/dszd-card';
import type { DszdGlossary } from '../glossary/dszd-glossary';
import type { DszdTerm } from '../term/dszd-term';

// The names of the library's elements: every module that creates, finds or registers one reads them here.

/** A term on the page: wrapped by the annotator, written by the Node tagger, or by hand. */
export const TERM_TAG = 'dszd-term';
/** The page's one shared card. */
export const CARD_TAG = 'dszd-card';
/** The glossary page's list of every entry. */
export const GLOSSARY_TAG = 'dszd-glossary';
/** Highlight mode's keyboard and screen-reader control (outside the annotated root). */
export const TERM_INDEX_TAG = 'dszd-term-index';

/**
 * Registers `element` under `tag` unless something already did (this module loaded twice, two bundles on one page):
 * the first one wins. Returns the class registered under the tag, so a caller can tell its own from a page's.
 * The one place that calls `customElements.define`: each stage registers what it brings, through here.
 */
export function defineElement(
  tag: string,
  element: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): CustomElementConstructor {
  const registered = registry.get(tag);
  if (registered) return registered;
  registry.define(tag, element);
  return element;
}

declare global {
  interface HTMLElementTagNameMap {
    'dszd-term': DszdTerm;
    'dszd-card': DszdCard;
    'dszd-glossary': DszdGlossary;
    'dszd-term-index': DszdTermIndex;
  }
}
