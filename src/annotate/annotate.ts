import { bindRootSet, resolveTermSet } from '../config/resolve-set';
import { DszdAnnotateEvent, type AnnotateResult } from '../events/annotate-event';
import { reportError } from '../events/error-event';
import { HighlightSession } from './highlight/highlight-session';
import { supportsHighlights } from './highlight/supported';
import { runOwnMutations } from '../live/own-mutations';
import { resolveOptions, type AnnotateOptions, type ResolvedOptions } from './options';
import type { AnnotationSession } from './session';
import { removeClosedCard } from '../card/card-loader';
import { unwrapAll } from './wrap/unwrap';
import { endRemoval, WrapSession } from './wrap/session';
import { DOCUMENT_FRAGMENT_NODE, DOCUMENT_NODE, ELEMENT_NODE } from '../live/dom';

export type { AnnotateOptions } from './options';
export type { AnnotateResult } from '../events/annotate-event';

/** A root that can be annotated: an element, a document or a shadow root (any document fragment). */
type Root = Element | Document | DocumentFragment;

const currentByRoot = new WeakMap<Node, Annotation>();
// Annotations still working or observing, so unannotate() can stop those under its root.
const running = new Set<Annotation>();

/**
 * One annotation of a root: the initial pass (time-sliced, see `done`) and, with `observe: true`, the live updates.
 * Created by `annotate()`; `new Annotation(root, options)` is the same call. The work is its session's: wrapping
 * (`WrapSession`) or highlighting (`HighlightSession`), chosen once.
 *
 * A second annotation of the same root replaces the first: the first one's pending work and observer stop, its
 * wrappers stay (existing `<dszd-term>` elements are skipped, so nothing is wrapped twice) and `remove()` on either
 * one removes every wrapper added under that root.
 */
export class Annotation {
  /** The annotated root; null when `annotate()` was given something else (the annotation is then inert). */
  readonly root: Root | null;
  /** Resolves when the initial pass has finished (or was stopped): never rejects. */
  readonly done: Promise<AnnotateResult>;
  private _settle!: (result: AnnotateResult) => void;
  private _settled = false;
  private _session: AnnotationSession | null = null;

  constructor(root: Root, options?: AnnotateOptions) {
    const started = performance.now();
    this.done = new Promise((resolve) => (this._settle = resolve));
    this.root = isRoot(root) ? root : null;
    try {
      if (!this.root) {
        const error = new TypeError('annotate: root must be an Element, Document or ShadowRoot');
        this._fail(globalThis.document, error, 'annotate');
        return;
      }
      const doc = this.root.nodeType === DOCUMENT_NODE ? (this.root as Document) : this.root.ownerDocument!;
      const resolved = resolveOptions(options, doc);
      if (resolved instanceof TypeError) {
        this._fail(this.root, resolved, 'annotate options');
        return;
      }
      this._start(this.root, resolved, started);
    } catch (error) {
      this._fail(this.root, error, 'annotate');
    }
  }

  /** Matches wrapped (or highlighted) by this annotation now: what is on the page once its changes are annotated. */
  get matches(): number {
    return this._session?.matches ?? 0;
  }

  /**
   * Resolves once the changes the page made so far are annotated (the batch after them has run, and any work it
   * started), or at once when the annotation is stopped. Never rejects.
   */
  settled(): Promise<void> {
    return this._session?.settled() ?? Promise.resolve();
  }

  /** The mode in effect: `"highlight"` only where the Highlight API is there, else `"wrap"`. */
  get mode(): 'wrap' | 'highlight' {
    return this._session instanceof HighlightSession ? 'highlight' : 'wrap';
  }

  /**
   * Stops the annotation (pending work) and restores the DOM exactly: wrappers removed, split text nodes merged
   * back; the page's card goes too unless it is open. Pre-tagged `<dszd-term>` markup stays. Safe to call more than once. Up to 1000
   * wrappers go before it returns; a bigger annotation's rest goes in time slices (healing the page's changes
   * meanwhile), and the promise resolves once the DOM is as it was. A new `annotate()` of the root meanwhile takes
   * over the wrappers still there. Never rejects.
   */
  remove(): Promise<void> {
    const root = this.root;
    let removed: Promise<void> | undefined;
    try {
      // The session first: it keeps healing the page's changes until its wrappers are gone.
      removed = this._session?.remove();
      this._stop();
      if (root && currentByRoot.get(root) === this) bindRootSet(root, undefined);
      removeClosedCard();
    } catch (error) {
      reportError(root, error, 'annotate remove');
    }
    return removed ?? Promise.resolve();
  }

  private _start(root: Root, options: ResolvedOptions, started: number): void {
    const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
    const highlight = options.mode === 'highlight' && supportsHighlights(doc);
    // A removal still going: highlight mode needs the page's DOM back now; wrapping takes over what is left.
    endRemoval(root, highlight);
    const previous = currentByRoot.get(root);
    // Highlight mode after wrapping: the wrappers go, so the page's DOM is its own again.
    if (previous && highlight && previous.mode === 'wrap') void previous.remove();
    else if (previous) previous._stop();
    currentByRoot.set(root, this);
    // The terms under the root look their entries up where the annotation found them (see resolveTermSet).
    bindRootSet(root, options.set);
    running.add(this);
    this._session = highlight
      ? new HighlightSession(root, { ...options, set: resolveTermSet(root) }, (result) => {
          this._finish(result);
          root.dispatchEvent(new DszdAnnotateEvent(result));
        })
      : new WrapSession(root, options, started, (result) => this._finish(result));
  }

  private _finish(result: AnnotateResult): void {
    if (this._settled) return;
    this._settled = true;
    this._settle(result);
  }

  private _fail(target: EventTarget | null | undefined, error: unknown, context: string): void {
    reportError(target, error, context);
    this._finish({ matches: 0, textNodes: 0, ms: 0 });
  }

  /** Stops pending work and watching; wrappers stay, highlights go. `done` resolves with what the initial pass did. */
  private _stop(): void {
    this._session?.stop();
    running.delete(this);
    if (this.root && currentByRoot.get(this.root) === this) currentByRoot.delete(this.root);
    this._finish({ matches: 0, textNodes: 0, ms: 0 });
  }
}

/** Stops every running annotation whose root lies under (or is) `root`. */
function stopUnder(root: Node): void {
  for (const annotation of [...running]) {
    if (annotation.root && (annotation.root === root || root.contains(annotation.root)))
      // without a public stop() on the class (a static block that handed one out cost the drop-in 20 B)
      annotation['_stop']();
  }
}

/** document.body, read without throwing where there is no document (server rendering, workers). */
function defaultRoot(): Root | null {
  return globalThis.document?.body ?? null;
}

function isRoot(value: unknown): value is Root {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as Partial<Node>).nodeType;
  return type === ELEMENT_NODE || type === DOCUMENT_NODE || type === DOCUMENT_FRAGMENT_NODE;
}

/**
 * Wraps the definition set's terms under `root` in `<dszd-term term="…">` elements, in time slices that never block
 * the page. Never throws: errors (a bad option, a bad root, a failure on the way) are reported with console.warn and
 * a `dszd-error` event, and `done` still resolves. A `dszd-annotate` event fires on root when the pass is done.
 * Calling it again on the same root replaces the earlier annotation (see `Annotation`): nothing is wrapped twice.
 *
 * Skipped, and documented in `SKIPPED_SELECTORS`: script, style, noscript, template, textarea, input, select,
 * option, button, a, code, pre, kbd, samp, var, svg, math, iframe, title, rt, rp, h1–h6, [contenteditable],
 * [aria-hidden="true"], [inert], summary, label, interactive roles (button, link, tab, …), existing <dszd-term>, the shared <dszd-card>, [data-dszd-skip], plus `options.exclude`. The root itself and its
 * ancestors are not tested.
 */
export function annotate(root: Root | null = defaultRoot(), options?: AnnotateOptions): Annotation {
  return new Annotation(root as Root, options);
}

/**
 * Removes every wrapper the annotator added under `root` (also those of an earlier copy of the script) and stops the
 * annotations running under it. Pre-tagged markup stays. Never throws.
 */
export function unannotate(root: Root | null = defaultRoot()): void {
  try {
    if (!isRoot(root)) throw new TypeError('unannotate: root must be an Element, Document or ShadowRoot');
    stopUnder(root);
    runOwnMutations(() => unwrapAll(root));
  } catch (error) {
    reportError(isRoot(root) ? root : globalThis.document, error, 'unannotate');
  }
}
