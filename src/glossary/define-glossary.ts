import { DszdGlossary } from './dszd-glossary';

/** Registers `<dszd-glossary>` unless something already did (the module loaded twice, or two bundles on a page). */
export function defineGlossary(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('dszd-glossary')) registry.define('dszd-glossary', DszdGlossary);
}

// Node (SSR, tests without a DOM) has no registry: importing stays harmless there.
if (typeof customElements !== 'undefined') defineGlossary();
