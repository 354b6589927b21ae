import { annotate, type Annotation } from '../../../src/annotate/annotate';
import type { AnnotateOptions } from '../../../src/annotate/options';
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

/** A container with `html`, attached to the document for one test. */
export function mount(html: string): HTMLDivElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

/** Resolves after `count` animation frames. */
export async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Waits until the next annotation event on root (after a live batch). */
export function nextAnnotate(root: EventTarget): Promise<AnnotateResult> {
  return new Promise((resolve) =>
    root.addEventListener('dszd-annotate', (event) => resolve(event as DszdAnnotateEvent), { once: true }),
  );
}
