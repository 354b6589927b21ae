import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import { findTerms } from '../../../src/match/find-terms';
import { annotateDone, markup } from '../helpers/annotate';

/** A generated tree: the model the expected result is computed from, independently of the DOM walk. */
type Model =
  | { kind: 'text'; text: string }
  | { kind: 'br' }
  | { kind: 'inline' | 'block' | 'skip'; tag: string; attribute?: string; children: Model[] };

const names = definitionSet.entries.flatMap((entry) => [entry.term, ...entry.aliases]);
const used = new Set([...names, ...(definitionSet.exclusions ?? [])].join(''));
// Filler that no term, alias or exclusion contains, so matches come only from the names inserted.
const filler = [
  ...'的一是在不了有和人这中为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后定',
].filter((char) => !used.has(char));

const text = (value: string): Model => ({ kind: 'text', text: value });
const fillerText = fc.array(fc.constantFrom(...filler), { maxLength: 6 }).map((chars) => chars.join(''));
const name = fc.constantFrom(...names);
/** A name cut in two at a random place. */
const cutName = fc
  .tuple(name, fc.nat())
  .filter(([value]) => value.length > 1)
  .map(([value, at]) => {
    const cut = 1 + (at % (value.length - 1));
    return [value.slice(0, cut), value.slice(cut)] as const;
  });
const mixedText = fc
  .array(fc.oneof(fillerText, name), { minLength: 1, maxLength: 4 })
  .map((parts) => text(parts.join('')));
const inlineTag = fc.constantFrom('span', 'b', 'em', 'font', 'i', 'strong');
const blockTag = fc.constantFrom('p', 'div', 'li', 'section');
const skipped = fc.constantFrom(
  { tag: 'code' },
  { tag: 'a' },
  { tag: 'h2' },
  { tag: 'button' },
  { tag: 'span', attribute: 'data-dszd-skip' },
);

const { children } = fc.letrec<{ children: Model[]; segment: Model[] }>((tie) => ({
  children: fc.array(tie('segment'), { maxLength: 5 }).map((segments) => segments.flat()),
  segment: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'tree' },
    mixedText.map((node) => [node]),
    fc.constant<Model[]>([{ kind: 'br' }]),
    fc.constant<Model[]>([text('')]),
    // a name split across an inline element, either way round
    fc
      .tuple(cutName, inlineTag, fc.boolean())
      .map(([[a, b], tag, first]): Model[] =>
        first
          ? [{ kind: 'inline', tag, children: [text(a)] }, text(b)]
          : [text(a), { kind: 'inline', tag, children: [text(b)] }],
      ),
    // a name split over the host's own adjacent text nodes
    cutName.map(([a, b]): Model[] => [text(a), text(b)]),
    // a name split across a block boundary or a skipped element: not a match
    fc
      .tuple(cutName, blockTag)
      .map(([[a, b], tag]): Model[] => [text(a), { kind: 'block', tag, children: [text(b)] }]),
    fc
      .tuple(cutName, skipped)
      .map(([[a, b], skip]): Model[] => [text(a), { kind: 'skip', ...skip, children: [text(b)] }]),
    fc
      .tuple(inlineTag, tie('children'))
      .map(([tag, kids]): Model[] => [{ kind: 'inline', tag, children: kids }]),
    fc
      .tuple(blockTag, tie('children'))
      .map(([tag, kids]): Model[] => [{ kind: 'block', tag, children: kids }]),
    fc
      .tuple(skipped, tie('children'))
      .map(([skip, kids]): Model[] => [{ kind: 'skip', ...skip, children: kids }]),
  ),
}));

function build(models: readonly Model[], parent: Node): void {
  for (const model of models) {
    if (model.kind === 'text') parent.appendChild(document.createTextNode(model.text));
    else if (model.kind === 'br') parent.appendChild(document.createElement('br'));
    else {
      const element = document.createElement(model.tag);
      if (model.attribute) element.setAttribute(model.attribute, '');
      build(model.children, element);
      parent.appendChild(element);
    }
  }
}

interface Span {
  start: number;
  end: number;
  term: string;
}

/** The expected matches, as offsets into the root's textContent: the model's runs, each matched as one string. */
function expectMatches(models: readonly Model[], occurrence: 'first' | 'all'): Span[] {
  const spans: Span[] = [];
  const seen = new Set<number>();
  let offset = 0;
  let run = '';
  let runStart = 0;
  const endRun = () => {
    for (const match of findTerms(run)) {
      if (occurrence === 'first' && seen.has(match.serial)) continue;
      seen.add(match.serial);
      spans.push({ start: runStart + match.start, end: runStart + match.end, term: match.term });
    }
    run = '';
    runStart = offset;
  };
  const walk = (nodes: readonly Model[], inSkipped: boolean) => {
    for (const node of nodes) {
      if (node.kind === 'text') {
        if (!inSkipped) run += node.text;
        offset += node.text.length;
        if (inSkipped) runStart = offset;
      } else if (node.kind === 'br') endRun();
      else if (node.kind === 'inline') walk(node.children, inSkipped);
      else {
        if (!inSkipped) endRun();
        walk(node.children, inSkipped || node.kind === 'skip');
        if (!inSkipped) endRun();
      }
    }
  };
  walk(models, false);
  endRun();
  return spans;
}

/** The matches the annotator wrapped, as offsets into textContent; checks that each match's pieces are contiguous. */
function actualMatches(root: Element): Span[] {
  const groups = new Map<unknown, Span & { length: number }>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let offset = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const wrapper = node.parentElement!;
    if (wrapper.matches('dszd-term[data-dszd-auto]')) {
      const key = wrapper.getAttribute('data-dszd-match') ?? wrapper;
      const term = wrapper.getAttribute('term')!;
      const group = groups.get(key) ?? { start: offset, end: offset, term, length: 0 };
      group.end = offset + node.length;
      group.length += node.length;
      expect(group.term).to.equal(term);
      groups.set(key, group);
    }
    offset += node.length;
  }
  return [...groups.values()].map(({ start, end, term, length }) => {
    expect(length, 'pieces of one match are contiguous').to.equal(end - start);
    return { start, end, term };
  });
}

describe('annotate: property', () => {
  for (const occurrence of ['all', 'first'] as const) {
    it(`random trees ("${occurrence}"): text unchanged, exactly the expected matches wrapped, removal exact`, async () => {
      await fc.assert(
        fc.asyncProperty(children, async (models) => {
          const root = document.createElement('div');
          build(models, root);
          document.body.append(root);
          try {
            const clone = root.cloneNode(true);
            const before = root.textContent;
            const { annotation, result } = await annotateDone(root, { occurrence });
            const expected = expectMatches(models, occurrence);
            expect(root.textContent).to.equal(before);
            expect(actualMatches(root)).to.deep.equal(expected);
            expect(result.matches).to.equal(expected.length);
            const once = markup(root);
            await annotateDone(root, { occurrence });
            expect(markup(root), 'annotating twice equals once').to.equal(once);
            annotation.remove();
            expect(root.isEqualNode(clone)).to.equal(true);
          } finally {
            root.remove();
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
