import { annotate, type Annotation } from '../../../src/annotate/annotate';
import type { AnnotateOptions } from '../../../src/annotate/options';
import type { AnnotateResult, DszdAnnotateEvent } from '../../../src/events/annotate-event';
import { frames, mount } from '../helpers/dom';

export { frames, mount };

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
