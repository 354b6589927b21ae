import { isSafeLinkUrl } from './card/glossary-link';
import { DEFAULT_CARD_LANG, parseCardLang, type CardLang } from './card/labels';
import { definitionSet } from './definitions/definition-set.generated';
import type { DefinitionSet } from './definitions/types';

/** The page-wide settings every `<dszd-term>` and the card read. */
export interface TermsConfig {
  /** Language of the card's labels. */
  readonly lang: CardLang;
  /** The glossary page the card links to (its entries carry `id="dszd-entry-<serial>"`), if any. */
  readonly glossaryUrl: string | undefined;
  /** The definition set terms are looked up in. */
  readonly set: DefinitionSet;
}

/** What `configureTerms` accepts; omitted keys keep their current value. */
export interface TermsConfigOptions {
  /**
   * `"zh-CN"` or `"en"` (any `zh-*` or `en-*` tag); anything else keeps the current language.
   * @default "zh-CN"
   */
  lang?: string;
  /**
   * http(s) or relative URL of the glossary page; `null` or `""` removes it. Other schemes are refused with a warning.
   * @default undefined (no link)
   */
  glossaryUrl?: string | null;
  /**
   * A compiled definition set.
   * @default the shipped 数字社会定义集（6.0版）
   */
  set?: DefinitionSet;
}

const defaults: TermsConfig = Object.freeze({
  lang: DEFAULT_CARD_LANG,
  glossaryUrl: undefined,
  set: definitionSet,
});
let current: TermsConfig = defaults;
const listeners = new Set<() => void>();

/** Sets page-wide options for every term and the card (the drop-in script calls this from its data attributes). */
export function configureTerms(options: TermsConfigOptions = {}): void {
  let { lang, glossaryUrl, set } = current;
  if (options.lang !== undefined) {
    const parsed = parseCardLang(options.lang);
    if (parsed) lang = parsed;
    else console.warn(`dszd-term: unknown lang ${JSON.stringify(options.lang)}; use "zh-CN" or "en".`);
  }
  if (options.glossaryUrl !== undefined) {
    if (!options.glossaryUrl) glossaryUrl = undefined;
    else if (isSafeLinkUrl(options.glossaryUrl, pageBase())) glossaryUrl = options.glossaryUrl;
    else
      console.warn(`dszd-term: glossaryUrl refused (only http(s) or relative URLs): ${options.glossaryUrl}`);
  }
  if (options.set !== undefined) set = options.set;
  current = Object.freeze({ lang, glossaryUrl, set });
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      console.warn('dszd-term: configureTerms listener:', error);
    }
  }
}

/** The current page-wide settings. */
export function getTermsConfig(): TermsConfig {
  return current;
}

/** Calls `listener` after every `configureTerms`; returns the function that stops it. */
export function watchTermsConfig(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Back to the defaults (for tests and for pages that tear dszd-term down). */
export function resetTermsConfig(): void {
  current = defaults;
  configureTerms();
}

function pageBase(): string {
  return typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
}
