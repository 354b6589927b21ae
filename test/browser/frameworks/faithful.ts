import { expect } from '@open-wc/testing';
import { createDomAdapter } from '../../../src/live/dom-adapter';
import { planRun } from '../../../src/runs/plan';
import { MATCH_ATTRIBUTE, skipSelector, TERM_ATTRIBUTE } from '../../../src/runs/rules';
import { textRuns } from '../../../src/runs/runs';
import type { ConsoleCapture } from '../helpers/console';

/** The markup with the annotator's wrappers dissolved and adjacent text merged: what the app itself rendered. */
export function stripWrappers(host: Element): string {
  const clone = host.cloneNode(true) as Element;
  for (const wrapper of clone.querySelectorAll('dszd-term[data-dszd-auto]'))
    wrapper.replaceWith(...wrapper.childNodes);
  clone.normalize();
  return clone.innerHTML;
}

/** The same for an app rendered without dszd-term: adjacent text merged, empty text dropped. */
export function normalizedMarkup(host: Element): string {
  const clone = host.cloneNode(true) as Element;
  clone.normalize();
  return clone.innerHTML;
}

/** Each wrapped match in document order as `term=text` (the pieces of a split match joined). */
export function wrappedMatches(host: Element): string[] {
  const found: string[] = [];
  const byId = new Map<string, number>();
  for (const wrapper of host.querySelectorAll('dszd-term[data-dszd-auto]')) {
    const id = wrapper.getAttribute(MATCH_ATTRIBUTE);
    const term = wrapper.getAttribute(TERM_ATTRIBUTE);
    const index = id === null ? undefined : byId.get(id);
    if (index !== undefined) {
      found[index] += wrapper.textContent ?? '';
      continue;
    }
    if (id !== null) byId.set(id, found.length);
    found.push(`${term}=${wrapper.textContent ?? ''}`);
  }
  return found;
}

/** What annotating the app's own (unannotated) DOM with every occurrence would wrap, as `term=text`. */
export function expectedMatches(plain: Element): string[] {
  const adapter = createDomAdapter({ selector: skipSelector(), shadow: true });
  const found: string[] = [];
  for (const run of textRuns<Node>(plain, adapter)) {
    const texts = run.map((node) => (node as Text).data);
    const joined = texts.join('');
    const seen = new Set<object>();
    for (const piece of planRun(texts, { occurrence: 'all' })) {
      if (seen.has(piece.match)) continue;
      seen.add(piece.match);
      found.push(`${piece.match.term}=${joined.slice(piece.match.start, piece.match.end)}`);
    }
  }
  return found;
}

/**
 * Right after an update (no frame in between, so before any paint): the annotated app shows exactly the text and
 * markup of its twin rendered without dszd-term, and nothing was logged.
 */
export function expectSameText(
  annotated: Element,
  plain: Element,
  console: ConsoleCapture,
  step: string,
): void {
  expect(annotated.textContent, `text after ${step}`).to.equal(plain.textContent);
  expect(stripWrappers(annotated), `markup after ${step}`).to.equal(normalizedMarkup(plain));
  expect(console.messages, `console after ${step}`).to.deep.equal([]);
}

/** The matches the twin's text calls for: every occurrence, or ("first") each entry's first in document order. */
export function expectedFor(plain: Element, occurrence: 'first' | 'all'): string[] {
  const all = expectedMatches(plain);
  if (occurrence === 'all') return all;
  const seen = new Set<string>();
  return all.filter((match) => {
    const term = match.slice(0, match.indexOf('='));
    if (seen.has(term)) return false;
    seen.add(term);
    return true;
  });
}

/**
 * Once the live annotation has settled: the terms the app's text calls for are wrapped ("all": every occurrence;
 * "first": each entry once, at its first occurrence), nothing else, and `matches` says as much.
 */
export function expectAnnotated(
  annotated: Element,
  plain: Element,
  step: string,
  annotation?: { readonly matches: number },
  occurrence: 'first' | 'all' = 'all',
): void {
  const expected = expectedFor(plain, occurrence);
  expect(wrappedMatches(annotated), `terms after ${step}`).to.deep.equal(expected);
  if (annotation) expect(annotation.matches, `matches after ${step}`).to.equal(expected.length);
}
