import { DszdCard } from './card/dszd-card';
import { CARD_TAG, GLOSSARY_TAG, TERM_TAG, defineElement } from './elements/define';
import { DszdTerm } from './term/dszd-term';
import { DszdGlossary } from './glossary/dszd-glossary';

// Registers the elements. Loading this module twice (two bundles on one page) is harmless: the first one wins.
if (typeof customElements !== 'undefined') {
  defineElement(TERM_TAG, DszdTerm);
  defineElement(CARD_TAG, DszdCard);
  defineElement(GLOSSARY_TAG, DszdGlossary);
}
