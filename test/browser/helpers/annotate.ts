// Annotating test content, in either mode, and reading what it did.
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { toLiveRange } from '../../../src/annotate/highlight/range-geometry';
import type { AnnotateOptions } from '../../../src/annotate/options';
import { TERM_INDEX_TAG as INDEX_TAG } from '../../../src/elements/define';
import type { AnnotateResult, DszdAnnotateEvent } from '../../../src/events/annotate-event';

type Root = Element | Document | DocumentFragment;

/** The root's markup with match ids renamed m1, m2, … in order of appearance, so fixtures can state it exactly. */
export function markup(root: Element | ShadowRoot): string {
  const names = new Map<string, string>();
  return root.innerHTML.replace(/data-dszd-match="([^"]*)"/g, (_, id: string) => {
    if (!names.has(id)) names.set(id, `m${names.size + 1}`);
    return `data-dszd-match="${names.get(id)}"`;
  });
}

/** Annotates and waits for the initial pass. */
export async function annotateDone(
  root: Root,
  options?: AnnotateOptions,
): Promise<{ annotation: Annotation; result: AnnotateResult }> {
  const annotation = annotate(root, options);
  const result = await annotation.done;
  return { annotation, result };
}

/** The text of each wrapper under root, in document order. */
export function wrappedTexts(root: ParentNode): string[] {
  return Array.from(
    root.querySelectorAll('dszd-term[data-dszd-auto]'),
    (element) => element.textContent ?? '',
  );
}

/** Waits until the next annotation event on root (after a live batch). */
export function nextAnnotate(root: EventTarget): Promise<AnnotateResult> {
  return new Promise((resolve) =>
    root.addEventListener('dszd-annotate', (event) => resolve(event as DszdAnnotateEvent), { once: true }),
  );
}

/** Annotates in highlight mode and waits for the first search. */
export async function highlight(root: Element, options: AnnotateOptions = {}): Promise<Annotation> {
  const annotation = annotate(root, { mode: 'highlight', occurrence: 'all', ...options });
  await annotation.done;
  return annotation;
}

/** The ranges of a registered highlight as live Ranges (the matches are StaticRanges), in document order. */
export function highlightedRanges(name = 'dszd-term'): Range[] {
  return [...(CSS.highlights.get(name) ?? [])]
    .map((range) => toLiveRange(range))
    .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
}

/** The text of each range of a registered highlight, in document order. */
export function highlightedTexts(name = 'dszd-term'): string[] {
  return highlightedRanges(name).map((range) => range.toString());
}

/** The first range of the named highlight whose text is `text`. */
export function findRange(text: string, name = 'dszd-term'): Range {
  const range = highlightedRanges(name).find((candidate) => candidate.toString() === text);
  if (!range) throw new Error(`no highlighted range "${text}"`);
  return range;
}

/** The keyboard control highlight mode adds outside the root. */
export function indexHost(): HTMLElement | null {
  return document.querySelector(INDEX_TAG);
}

/** A part of the control by its class. */
export function indexPart(selector: string): HTMLElement | null {
  return indexHost()?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}
