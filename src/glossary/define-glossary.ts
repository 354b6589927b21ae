import { reportError } from '../events/error-event';
import { canUseHtmlSinks, takeTrustedTypesRefusal } from '../security/trusted-types';
import { DszdGlossary } from './dszd-glossary';
import { GLOSSARY_TAG, defineElement } from '../elements/define';

/** Registers `<dszd-glossary>` unless something already did (the module loaded twice, or two bundles on a page). */
export function defineGlossary(registry: CustomElementRegistry = customElements): void {
  defineElement(GLOSSARY_TAG, DszdGlossary, registry);
}

// Node (SSR, tests without a DOM) has no registry: importing stays harmless there.
// A page that requires Trusted Types without allowing dszd-term's policy keeps its plain markup (reported once).
if (typeof customElements !== 'undefined') {
  if (canUseHtmlSinks()) defineGlossary();
  else {
    const refusal = takeTrustedTypesRefusal();
    if (refusal) reportError(document, refusal, 'trusted types');
  }
}
