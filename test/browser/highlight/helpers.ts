import { annotate, type Annotation } from '../../../src/annotate/annotate';
import type { AnnotateOptions } from '../../../src/annotate/options';
import { toLiveRange } from '../../../src/annotate/highlight/range-geometry';
import { TERM_INDEX_TAG as INDEX_TAG } from '../../../src/elements/define';
import { frames, mount } from '../helpers/dom';

export { frames, mount };

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

/** The integer centre of a range's first line box, for sendMouse. */
export function centreOfRange(range: Range): [number, number] {
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

/** Records every mutation under `root` (attributes and text included) until stopped. */
export function recordMutations(root: Node): { records: MutationRecord[]; stop: () => MutationRecord[] } {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((found) => records.push(...found));
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  return {
    records,
    stop: () => {
      records.push(...observer.takeRecords());
      observer.disconnect();
      return records;
    },
  };
}

/** The keyboard control highlight mode adds outside the root. */
export function indexHost(): HTMLElement | null {
  return document.querySelector(INDEX_TAG);
}

/** A part of the control by its class. */
export function indexPart(selector: string): HTMLElement | null {
  return indexHost()?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/**
 * Polls `condition` each frame until it holds; resolves whether it did. Gives up only after `limit` frames and 10 s
 * both: a loaded machine renders fewer frames and takes more of them for the same work.
 */
export async function waitFor(condition: () => boolean, limit = 120): Promise<boolean> {
  const deadline = performance.now() + 10_000;
  for (let i = 0; i < limit || performance.now() < deadline; i++) {
    if (condition()) return true;
    await frames(1);
  }
  return condition();
}
