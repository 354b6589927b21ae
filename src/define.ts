import { DszdCard } from './card/dszd-card';
import { DszdTerm } from './term/dszd-term';
import { DszdGlossary } from './glossary/dszd-glossary';

// Registers the elements. Loading this module twice (two bundles on one page) is harmless: the first one wins.
if (typeof customElements !== 'undefined') {
  if (!customElements.get('dszd-term')) customElements.define('dszd-term', DszdTerm);
  if (!customElements.get('dszd-card')) customElements.define('dszd-card', DszdCard);
  if (!customElements.get('dszd-glossary')) customElements.define('dszd-glossary', DszdGlossary);
}

declare global {
  interface HTMLElementTagNameMap {
    'dszd-term': DszdTerm;
    'dszd-card': DszdCard;
  }
}
