import { DEFAULT_CARD_LANG, parseCardLang, type CardLang } from '../i18n/card-lang';
import { isSafeLinkUrl } from '../links/safe-link-url';
import { definitionSet } from '../definitions/definition-set.generated';
import type { DefinitionSet } from '../definitions/types';
import { reportError } from '../events/error-event';
import { loadSetReader } from './load-set-reader';
import type { readPageSets } from './read-sets';

/** The page-wide settings every `<dszd-term>`, the card, `annotate()` and `<dszd-glossary>` read. */
export interface TermsConfig {
  /** Language of the card's labels. */
  readonly lang: CardLang;
  /** The glossary page the card links to (its entries carry `id="dszd-entry-<serial>"`), if any. */
  readonly glossaryUrl: string | undefined;
  /** The page's own sets that were read and found valid, in order of precedence. */
  readonly sets: readonly DefinitionSet[];
  /** Whether the shipped 数字社会定义集（6.0版） follows them. */
  readonly shipped: boolean;
  /**
   * The set terms are looked up in: `sets`, then the shipped set (or the `set` option), combined (see combineSets).
   * The shipped set alone when there are no sets, even with `shipped: false`: a page never ends up with no set.
   */
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
   * The page's own definition sets, in order of precedence (a name defined in two sets stands for the first one's
   * entry): each a compiled set (the shape of `dist/definitions.json`) or the URL of one (a string or `URL`,
   * resolved against the page, fetched with `fetch`). Every set is checked; one that cannot be fetched or is
   * malformed is skipped with one `dszd-error` naming the problem and its path, the others still count. They apply
   * once all are read: await the promise `configureTerms` returns before annotating. `[]` removes them.
   * @default []
   */
  sets?: ReadonlyArray<DefinitionSet | string | URL>;
  /**
   * Whether the shipped 数字社会定义集（6.0版） (or the `set` option) follows the page's own sets. `false`: the
   * page's sets alone (the shipped set still serves when none of them could be read).
   * @default true
   */
  shipped?: boolean;
  /**
   * A compiled definition set that takes the shipped set's place, at once and as it is (not checked beyond its
   * `entries` array): a set built by the page's own code. Sets read from elsewhere go in `sets`, which checks them.
   * @default the shipped 数字社会定义集（6.0版）
   */
  set?: DefinitionSet;
}

/** The settings kept in the shared store; `set` is made by each copy of the module (see getTermsConfig). */
interface StoredConfig extends Omit<TermsConfig, 'set'> {
  /** The `set` option: what stands in for the shipped set. */
  readonly base: DefinitionSet | undefined;
}

const defaults: StoredConfig = Object.freeze({
  lang: DEFAULT_CARD_LANG,
  glossaryUrl: undefined,
  sets: Object.freeze([]) as readonly DefinitionSet[],
  shipped: true,
  base: undefined,
});
/** The settings and their watchers, kept on the global object so that every copy of dszd-term on a page shares them. */
interface ConfigStore {
  current: StoredConfig;
  readonly listeners: Set<() => void>;
  /** Bumped by every change of the sets: a read that finished after a newer change is dropped. */
  setsChange: number;
  /**
   * The page's set from the settings, given the set that stands for the shipped one; from the set reader: only
   * pages with sets of their own need it, so the drop-in's first stage does not carry it.
   */
  combine?: ((config: StoredConfig, base: DefinitionSet) => DefinitionSet) | undefined;
}

// The drop-in script and the glossary script each bundle this module: configureTerms in one must reach the other.
const STORE_KEY = Symbol.for('dszd-term.config');

/** The page's settings and their watchers (the card stage calls the watchers itself as it arrives). @internal */
export function getStore(): ConfigStore {
  const holder = globalThis as unknown as Record<symbol, ConfigStore | undefined>;
  return (holder[STORE_KEY] ??= { current: defaults, listeners: new Set(), setsChange: 0 });
}

/**
 * Sets page-wide options for every term, the card, `annotate()` and the glossary (the drop-in script calls this from
 * its data attributes). Never throws, and the promise never rejects: a bad value is reported once (console.warn and
 * `dszd-error` on the document) and ignored. Everything but `sets` applies at once; the promise resolves when the
 * sets have been read and apply too.
 */
export async function configureTerms(options: TermsConfigOptions | null = {}): Promise<void> {
  let reading: Promise<void> | undefined;
  try {
    options ??= {};
    if (typeof options !== 'object')
      return report(new TypeError(`options must be an object, got ${typeof options}`));
    const store = getStore();
    const { current } = store;
    // The page's own sets and `shipped` are the set reader's business: loaded only when a page names them.
    if (options.sets !== undefined || options.shipped !== undefined)
      reading = applyPageSets(options, options.sets === undefined ? NaN : ++store.setsChange);
    store.current = Object.freeze({
      ...current,
      lang: readLang(options.lang, current.lang),
      glossaryUrl: readGlossaryUrl(options.glossaryUrl, current.glossaryUrl),
      base: readSet(options.set, current.base),
    });
  } catch (error) {
    return report(error);
  }
  notifyWatchers();
  await reading;
}

/** Where a page's set that cannot be used is reported. */
const SETS_CONTEXT = 'definition set';

/**
 * Reads `sets` (fetching those given by URL) and `shipped` and applies them; sets are dropped when newer ones came
 * since (`change` is then stale; NaN: no sets given). The set reader could not be loaded (offline, blocked): the
 * page keeps what it had.
 */
async function applyPageSets(options: TermsConfigOptions, change: number): Promise<void> {
  try {
    const reader = await loadSetReader();
    const update: Partial<Awaited<ReturnType<typeof readPageSets>>> = await reader.readPageSets(
      options,
      pageBase(),
      (problem) => report(problem, SETS_CONTEXT),
    );
    const store = getStore();
    store.combine ??= reader.resolvePageSet;
    if (store.setsChange !== change) delete update.sets;
    store.current = Object.freeze({ ...store.current, ...update });
    notifyWatchers();
  } catch (error) {
    report(error, SETS_CONTEXT);
  }
}

function notifyWatchers(): void {
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

function readSet(value: unknown, fallback: DefinitionSet | undefined): DefinitionSet | undefined {
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

function report(error: unknown, context = 'configureTerms'): void {
  reportError(typeof document === 'undefined' ? undefined : document, error, context);
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

// Each copy combines with its own shipped set: the glossary script's has the texts the drop-in's first stage lacks.
const resolved = new WeakMap<StoredConfig, TermsConfig>();

/** The current page-wide settings, with the set they make. */
export function getTermsConfig(): TermsConfig {
  const { current, combine } = getStore();
  let config = resolved.get(current);
  if (!config) {
    const base = current.base ?? definitionSet;
    // (no combine without sets: they come from the reader, which provides it)
    config = Object.freeze({ ...defaults, ...current, set: combine ? combine(current, base) : base });
    resolved.set(current, config);
  }
  return config;
}

/** Calls `listener` after every `configureTerms`; returns the function that stops it. */
export function watchTermsConfig(listener: () => void): () => void {
  const { listeners } = getStore();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Back to the defaults (for tests and for pages that tear dszd-term down). */
export function resetTermsConfig(): void {
  const store = getStore();
  store.current = defaults;
  store.setsChange++;
  void configureTerms();
}

function pageBase(): string {
  return typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
}
