import { isSafeLinkUrl } from './links/glossary-link';
import { DEFAULT_CARD_LANG, parseCardLang, type CardLang } from './i18n/labels';
import { definitionSet } from './definitions/definition-set.generated';
import type { DefinitionSet } from './definitions/types';
import { reportError } from './events/error-event';

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
   * `"zh-CN"` or `"en"` (any `zh-*` or `en-*` tag); anything else is reported (`dszd-error`) and keeps the current
   * language.
   * @default "zh-CN"
   */
  lang?: string;
  /**
   * The glossary page (a string or a `URL`): an absolute http(s) URL, or a relative URL that stays on this site
   * (`//other.example` and `/\other.example` go to another site and are refused: write `https://other.example`);
   * `null` or `""` removes it, also from an open card. Anything else is reported (`dszd-error`) and refused.
   * @default undefined (no link)
   */
  glossaryUrl?: string | URL | null;
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
/** The settings and their watchers, kept on the global object so that every copy of dszd-term on a page shares them. */
interface ConfigStore {
  current: TermsConfig;
  readonly listeners: Set<() => void>;
}

// The drop-in script and the glossary script each bundle this module: configureTerms in one must reach the other.
const STORE_KEY = Symbol.for('dszd-term.config');

function getStore(): ConfigStore {
  const holder = globalThis as unknown as Record<symbol, ConfigStore | undefined>;
  return (holder[STORE_KEY] ??= { current: defaults, listeners: new Set() });
}

/**
 * Sets page-wide options for every term and the card (the drop-in script calls this from its data attributes).
 * Never throws: a bad value is reported once (console.warn and `dszd-error` on the document) and ignored.
 */
export function configureTerms(options: TermsConfigOptions | null = {}): void {
  try {
    if (options === null) options = {};
    if (typeof options !== 'object') {
      report(new TypeError(`options must be an object, got ${typeof options}`));
      return;
    }
    const store = getStore();
    const { current } = store;
    store.current = Object.freeze({
      lang: readLang(options.lang, current.lang),
      glossaryUrl: readGlossaryUrl(options.glossaryUrl, current.glossaryUrl),
      set: readSet(options.set, current.set),
    });
  } catch (error) {
    report(error);
    return;
  }
  for (const listener of [...getStore().listeners]) {
    try {
      listener();
    } catch (error) {
      console.warn('dszd-term: configureTerms listener:', error);
    }
  }
}

function readLang(value: unknown, fallback: CardLang): CardLang {
  if (value === undefined) return fallback;
  if (typeof value !== 'string')
    return refuse(
      `option "lang" must be a language tag such as "zh-CN" or "en", got ${describeValue(value)}`,
      fallback,
    );
  return (
    parseCardLang(value) ??
    refuse(`option "lang" must be a zh or en language tag, got ${describeValue(value)}`, fallback)
  );
}

function readGlossaryUrl(value: unknown, fallback: string | undefined): string | undefined {
  if (value === undefined) return fallback;
  if (value === null || value === '') return undefined;
  const url = value instanceof URL ? value.href : value;
  if (typeof url !== 'string')
    return refuse(`option "glossaryUrl" must be a URL string, a URL or null, got ${typeof value}`, fallback);
  if (!isSafeLinkUrl(url, pageBase()))
    return refuse(
      `option "glossaryUrl" must be an http(s) URL or a relative URL on this site, got ${describeValue(url)}`,
      fallback,
    );
  return url;
}

function readSet(value: unknown, fallback: DefinitionSet): DefinitionSet {
  if (value === undefined) return fallback;
  if (!Array.isArray((value as Partial<DefinitionSet> | null)?.entries))
    return refuse('option "set" must be a compiled definition set (with an "entries" array)', fallback);
  return value as DefinitionSet;
}

/** Reports a bad option value and keeps the current one. */
function refuse<T>(message: string, fallback: T): T {
  report(new TypeError(message));
  return fallback;
}

function report(error: unknown): void {
  reportError(typeof document === 'undefined' ? undefined : document, error, 'configureTerms');
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The current page-wide settings. */
export function getTermsConfig(): TermsConfig {
  return getStore().current;
}

/** Calls `listener` after every `configureTerms`; returns the function that stops it. */
export function watchTermsConfig(listener: () => void): () => void {
  const { listeners } = getStore();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Back to the defaults (for tests and for pages that tear dszd-term down). */
export function resetTermsConfig(): void {
  getStore().current = defaults;
  configureTerms();
}

function pageBase(): string {
  return typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
}
