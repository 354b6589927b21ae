/**
 * The drop-in script (`dist/dszd-term.iife.js`): `<script src="…/dszd-term.iife.js" defer></script>` registers
 * `<dszd-term>` (the card registers itself on first use) and, after DOMContentLoaded, annotates the page live. A
 * glossary page adds `dist/dszd-glossary.iife.js` for `<dszd-glossary>`. Options come from the script tag's data
 * attributes:
 *
 * | attribute | meaning | default |
 * | --- | --- | --- |
 * | `data-root` | CSS selector of the element to annotate | `body` |
 * | `data-exclude` | CSS selector of more elements to leave alone | none |
 * | `data-occurrence` | `first` (each entry once) or `all` | `first` |
 * | `data-mode` | `wrap` (self-healing `<dszd-term>` wrappers) or `highlight` (no DOM change); `auto` = `wrap` | `wrap` |
 * | `data-lang` | card labels: `zh-CN` or `en` | `zh-CN` |
 * | `data-glossary-url` | glossary page the card links to (`#dszd-entry-<serial>` is appended) | none |
 * | `data-set` | URLs of compiled sets of your own, separated by white space, before the shipped set | none |
 * | `data-set-only` | present: the `data-set` sets without the shipped set | absent |
 * | `data-auto` | `false`: load only, annotate nothing | `true` |
 *
 * With `data-set`, the page is annotated once, after the sets were fetched and checked (`dszd-term.sets.js`, beside
 * this file, does that); a set that cannot be used is skipped with one `dszd-error`.
 *
 * It exposes `window.dszdTerm`, and registers `<dszd-term>`, in a task after the one that ran its tag (its evaluation
 * is tens of ms on a phone, and a deferred script's tag runs in the page's end-of-parsing task); with
 * `data-auto="false"` at once, for the page's own script after the tag. Loaded twice (or beside another copy) it does
 * nothing the second time.
 */
import { annotate, unannotate, type Annotation } from './annotate/annotate';
import type { AnnotateMode } from './annotate/options';
import { configureTerms, getTermsConfig } from './config/terms-config';
import { TERM_TAG, defineElement } from './elements/define';
import { definitionSet } from './definitions/definition-set.generated';
import type { DefinitionSet } from './definitions/types';
import { reportError } from './events/error-event';
import { findTerms, getMatcher } from './match/find-terms';
import { yieldToEventLoop } from './live/schedule';
import { preloadCardWhenIdle } from './card/card-loader';
import { canUseHtmlSinks, takeTrustedTypesRefusal } from './security/trusted-types';
import { DszdTerm, isDszdTermClass } from './term/dszd-term';
import { VERSION } from './version';

/** What the drop-in script puts on `window.dszdTerm`. */
export interface DszdTermGlobal {
  readonly version: string;
  readonly definitionSet: DefinitionSet;
  readonly findTerms: typeof findTerms;
  readonly annotate: typeof annotate;
  readonly unannotate: typeof unannotate;
  /** Page-wide options, as for the ES module (`sets`, `shipped`, `lang`, `glossaryUrl`…). */
  readonly configureTerms: typeof configureTerms;
  /** The page annotation the script started, once it has started (null with `data-auto="false"`). */
  readonly annotation: Annotation | null;
}

declare global {
  interface Window {
    dszdTerm?: DszdTermGlobal;
  }
}

/** Reads the script tag's options and starts; safe to call when another copy already did (it then does nothing). */
export function startAuto(script: HTMLOrSVGScriptElement | null, win: Window = window): void {
  if (win.dszdTerm) return;
  const data = script instanceof HTMLElement ? script.dataset : {};
  let annotation: Annotation | null = null;
  win.dszdTerm = {
    version: VERSION,
    definitionSet,
    findTerms,
    annotate,
    unannotate,
    configureTerms,
    get annotation() {
      return annotation;
    },
  };
  // The page's own sets: the text is annotated once, with all of them (configured never rejects).
  const sets = data.set?.split(/\s+/).filter(Boolean);
  // an option left undefined keeps its value; configureTerms never throws (a bad one is reported)
  const configured = configureTerms({
    lang: data.lang,
    glossaryUrl: data.glossaryUrl,
    sets: sets?.length ? sets : undefined,
    shipped: 'setOnly' in data ? false : undefined,
  });
  if (data.auto === 'false') return;
  // A page that requires Trusted Types but does not allow our policy could show terms whose cards never open.
  const allowed = () => {
    if (canUseHtmlSinks(win.document)) return true;
    const refusal = takeTrustedTypesRefusal();
    if (refusal) reportError(win.document, refusal, 'trusted types');
    return false;
  };
  const run = () => {
    try {
      const root = findRoot(win.document, data.root);
      if (!root) return;
      // an attribute left out is undefined: the option's default
      annotation = annotate(root, {
        observe: true,
        exclude: data.exclude,
        occurrence: data.occurrence as 'first' | 'all' | undefined,
        mode: data.mode as AnnotateMode | undefined,
      });
      // The card is not needed to mark terms: it comes once the page is idle, ready for the first hover.
      void annotation.done.then(() => preloadCardWhenIdle(win));
    } catch (error) {
      reportError(win.document, error, 'auto-annotate');
    }
  };
  // A deferred script runs in the task of the page's end of parsing (often with its first layout): building the
  // matcher, checking Trusted Types and starting the first pass each get a task of their own (each is tens of ms on a
  // phone), so none of ours joins that long task or another. The page's own sets come first: the text is annotated
  // once, with all of them.
  const start = () =>
    void (sets?.length ? configured : Promise.resolve())
      .then(yieldToEventLoop)
      .then(() => {
        getMatcher(getTermsConfig().set);
        return yieldToEventLoop();
      })
      .then(() => (allowed() ? yieldToEventLoop().then(run) : undefined))
      .then(undefined, (error: unknown) => reportError(win.document, error, 'auto-annotate'));
  if (win.document.readyState === 'loading')
    win.document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

function findRoot(doc: Document, selector: string | undefined): Element | null {
  if (selector === undefined || selector.trim() === '') return doc.body;
  let root: Element | null;
  try {
    root = doc.querySelector(selector);
  } catch {
    reportError(
      doc,
      new SyntaxError(`data-root is not a valid CSS selector: ${JSON.stringify(selector)}`),
      'data-root',
    );
    return null;
  }
  if (!root)
    reportError(doc, new Error(`data-root matches no element: ${JSON.stringify(selector)}`), 'data-root');
  return root;
}

/**
 * The script tag that loaded this file. A classic (or deferred) script is `document.currentScript` while it runs;
 * a module script is not, so it is found by its resolved `src`, which equals the module's own URL. (The classic
 * script's build defines `import.meta.url` as undefined, so this search is not in it, and `document.currentScript`
 * as the tag its wrapper kept.)
 */
function findOwnScript(): HTMLOrSVGScriptElement | null {
  return document.currentScript ?? (import.meta.url ? findModuleScript(document, import.meta.url) : null);
}

function findModuleScript(doc: Document, moduleUrl: string): HTMLScriptElement | null {
  const own = new URL(moduleUrl);
  own.search = '';
  own.hash = '';
  for (const script of doc.querySelectorAll<HTMLScriptElement>('script[src]')) {
    const url = new URL(script.src, doc.baseURI);
    url.search = '';
    url.hash = '';
    if (url.href === own.href) return script;
  }
  return null;
}

// Not `./define`: `<dszd-glossary>` would add a tenth to the drop-in script; it has a script of its own.
/** Registers `<dszd-term>` unless another copy did (the card registers itself on first use). */
function defineTerm(registry: CustomElementRegistry): boolean {
  const registered = defineElement(TERM_TAG, DszdTerm, registry);
  // Another copy of dszd-term is fine; a page's own element of the same name would get our wrappers and no card.
  if (registered !== DszdTerm && !isDszdTermClass(registered)) {
    reportError(
      document,
      new Error('the page defined its own <dszd-term>: nothing is annotated'),
      'dszd-term script',
    );
    return false;
  }
  return true;
}

/**
 * Custom Elements and Shadow DOM are what a term is made of. An engine without them (or a page that broke them)
 * keeps its page exactly as it is: nothing is annotated, nothing is thrown.
 */
export function supportsTerms(win: Window & typeof globalThis = window): boolean {
  try {
    return (
      typeof win.customElements?.define === 'function' &&
      typeof win.Element?.prototype.attachShadow === 'function'
    );
  } catch {
    return false;
  }
}

/** Registers `<dszd-term>` and starts; errors are reported, never thrown. */
function start(script: HTMLOrSVGScriptElement | null): void {
  try {
    if (defineTerm(customElements)) startAuto(script);
  } catch (error) {
    reportError(document, error, 'dszd-term script');
  }
}

if (typeof document !== 'undefined' && supportsTerms()) {
  const script = findOwnScript();
  // The drop-in script's build evaluates this whole file in a task after the tag's own (vite.config.ts,
  // evaluateInOwnTask), unless data-auto="false", and starts in the task after that: on a phone, evaluating the stage
  // and registering the element with the page's options are each tens of ms. The module waits a task too, so that
  // beside a drop-in copy loaded before it, the one loaded first still wins. With data-auto="false" the page drives
  // it: ready at once.
  if (!(script instanceof HTMLElement && script.dataset.auto === 'false')) setTimeout(() => start(script));
  else start(script);
}
