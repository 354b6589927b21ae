import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { annotate } from '../../../src/annotate/annotate';
import { cutPieces } from '../../../src/runs/plan';
import { findTerms } from '../../../src/match/find-terms';
import { annotateDone, markup, wrappedTexts } from '../helpers/annotate';
import { mount, recordMutations, unmountAll } from '../helpers/dom';
import { resolveOptions, type ResolvedOptions } from '../../../src/annotate/options';
import {
  annotateSteps,
  BUILT_PER_STEP,
  COMMIT_AT,
  COMMITTED_PER_STEP,
} from '../../../src/annotate/wrap/pass';
import { createDomAdapter } from '../../../src/live/dom-adapter';
import { OccurrenceIndex } from '../../../src/live/first-occurrences';
import { SCANNED_PER_STEP } from '../../../src/match/find-terms-in-slices';
import { FIRST_PART } from '../../../src/annotate/wrap/parts';

// Wrappers are created off the document while a big run is built: a test element of the wrapper's tag lets a test
// act at that moment (the page changing the block meanwhile). Nothing else in this file defines it.
let onWrapperCreated: ((count: number) => void) | null = null;
let created = 0;
customElements.define(
  'dszd-term',
  class extends HTMLElement {
    constructor() {
      super();
      onWrapperCreated?.(++created);
    }
  },
);

const PHRASES = [
  '数字社会',
  '城市大脑',
  '推进未来社区建设，',
  '一句没有名词的话，',
  '浙农码',
  '健康大脑，教育大脑',
];
/** Matches per paragraph of the tests: as many as a phone's screen of dense text shows a few times over. */
const MANY = 400;

/**
 * What wrapping in place, stretch by stretch, makes of each run of the blocks given (the annotator's way before it
 * built runs off the document): every match of a block's text split off with splitText(), last to first.
 */
function wrapInPlace(root: Element): number {
  let matches = 0;
  for (const block of root.querySelectorAll('p')) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const texts = nodes.map((node) => node.data);
    const found = findTerms(texts.join(''));
    matches += found.length;
    const pieces = cutPieces(texts, found);
    for (let i = pieces.length - 1; i >= 0; i--) {
      const { node, start, end, match, count } = pieces[i]!;
      const text = nodes[node]!;
      if (end < text.length) text.splitText(end);
      const inner = text.splitText(start);
      const wrapper = document.createElement('dszd-term');
      wrapper.setAttribute('term', match.term);
      wrapper.setAttribute('data-dszd-auto', '');
      if (count > 1) wrapper.setAttribute('data-dszd-match', `m${match.start}`);
      inner.replaceWith(wrapper);
      wrapper.append(inner);
    }
  }
  return matches;
}

/**
 * Annotates a page of `html` (occurrence "all") and expects what wrapping in place makes of it: the same markup, text
 * and match count, and `remove()` giving the HTML back. With `moreThan`, pages with no more matches are skipped.
 */
async function expectAsInPlace(html: string, moreThan?: number): Promise<void> {
  const expected = mount(html);
  const matches = wrapInPlace(expected);
  if (moreThan !== undefined && matches <= moreThan) expected.remove();
  fc.pre(moreThan === undefined || matches > moreThan);
  const root = mount(html);
  const { result, annotation } = await annotateDone(root, { occurrence: 'all' });
  expect(markup(root)).to.equal(markup(expected));
  expect(root.textContent).to.equal(expected.textContent);
  expect(result.matches).to.equal(matches);
  await annotation.remove();
  expect(root.innerHTML).to.equal(html);
  root.remove();
  expected.remove();
}

/** One paragraph holding `count` phrases in one text node. */
function bigParagraph(count: number): HTMLDivElement {
  const root = mount('<p></p>');
  let text = '';
  for (let i = 0; i < count; i++) text += PHRASES[i % PHRASES.length]!;
  root.firstElementChild!.textContent = text;
  return root;
}

/** Every childList and text mutation record under `node` while `work` runs (the page's own observer, as a host would have one). */
async function mutationsDuring(node: Node, work: () => Promise<unknown>): Promise<MutationRecord[]> {
  const recording = recordMutations(node);
  await work();
  return recording.stop().filter((record) => record.type !== 'attributes');
}

beforeEach(() => (created = 0));

afterEach(() => {
  onWrapperCreated = null;
  unmountAll();
});

describe('annotate: a big block is built off the document and swapped in at once', () => {
  it('the page sees one change of the text node and one insertion, not one per match', async () => {
    const root = bigParagraph(MANY);
    const p = root.firstElementChild!;
    const node = p.firstChild as Text;
    let matches = 0;
    const records = await mutationsDuring(root, async () => {
      matches = (await annotateDone(root, { occurrence: 'all' })).result.matches;
    });
    expect(matches).to.be.greaterThan(MANY / 2);
    // the insertion first: the text changed in a block laid out just before would be reshaped at once
    expect(records.map((record) => [record.type, record.target])).to.deep.equal([
      ['childList', p],
      ['characterData', node],
    ]);
    expect(records[0]!.previousSibling).to.equal(node);
    expect(records[0]!.addedNodes.length).to.be.greaterThan(matches);
  });

  it('property: the same wrappers, text and match count as wrapping in place stretch by stretch', async () => {
    const phrase = fc.constantFrom(...PHRASES, '数字', '社会');
    const inline = fc
      .tuple(fc.constantFrom('span', 'b'), phrase)
      .map(([tag, text]) => `<${tag}>${text}</${tag}>`);
    const block = fc
      .array(fc.oneof(phrase, phrase, inline), { minLength: 1, maxLength: 12 })
      .map((parts) => `<p>${parts.join('')}</p>`);
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 4 }), async (blocks) => {
        const html = blocks.join('');
        await expectAsInPlace(html);
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it('the page rewriting the block during the build is not lost: the block is read again', async () => {
    const root = bigParagraph(MANY * 2);
    const node = root.querySelector('p')!.firstChild as Text;
    const rewritten = `城市大脑${node.data.slice(4)}数字社会`;
    onWrapperCreated = (count) => {
      if (count === 10) node.data = rewritten;
    };
    const { annotation } = await annotateDone(root, { occurrence: 'all' });
    await annotation.settled();
    expect(created, 'built twice').to.be.greaterThan(findTerms(rewritten).length);
    expect(root.textContent).to.equal(rewritten);
    expect(wrappedTexts(root)).to.deep.equal(
      findTerms(rewritten).map((match) => rewritten.slice(match.start, match.end)),
    );
    expect(annotation.matches).to.equal(findTerms(rewritten).length);
  });

  it('the page removing the text node during the build: nothing is put in', async () => {
    const root = bigParagraph(MANY * 2);
    const p = root.querySelector('p')!;
    onWrapperCreated = (count) => {
      if (count === 10) p.textContent = '没有名词';
    };
    await annotateDone(root, { occurrence: 'all' });
    expect(p.innerHTML).to.equal('没有名词');
  });

  it('a selection inside the block stays at the same place in its text', async () => {
    const root = bigParagraph(MANY);
    const p = root.querySelector('p')!;
    const node = p.firstChild as Text;
    const selection = getSelection()!;
    selection.setBaseAndExtent(node, 101, node, 333);
    const before = selection.toString();
    await annotateDone(root, { occurrence: 'all' });
    expect(selection.anchorNode).not.to.equal(node);
    expect(selection.toString()).to.equal(before);
    selection.removeAllRanges();
  });

  it('remove() leaves the DOM exactly as it was, the host text node included', async () => {
    const root = bigParagraph(MANY * 2);
    const clone = root.cloneNode(true);
    const node = root.querySelector('p')!.firstChild;
    const { annotation, result } = await annotateDone(root, { occurrence: 'all' });
    expect(result.matches).to.be.greaterThan(MANY);
    await annotation.remove();
    expect(root.isEqualNode(clone)).to.equal(true);
    expect(root.querySelector('p')!.firstChild).to.equal(node);
    expect(root.querySelector('p')!.childNodes).to.have.length(1);
  });

  it('a framework rewriting the swapped-in text node is healed as before', async () => {
    const root = bigParagraph(MANY);
    const node = root.querySelector('p')!.firstChild as Text;
    const { annotation } = await annotateDone(root, { occurrence: 'all', observe: true });
    node.nodeValue = '推进城市大脑建设';
    await annotation.settled();
    expect(root.textContent).to.equal('推进城市大脑建设');
    expect(wrappedTexts(root)).to.deep.equal(['城市大脑']);
    annotation.remove();
  });
});

describe('annotate: a run with more wrappers than a step goes in parts', () => {
  /** Resolves once the page has seen the annotator's first insertion into `block`, in that observer callback. */
  function afterFirstPart(block: Node, act: () => void): void {
    const observer = new MutationObserver((records) => {
      if (!records.some((record) => record.type === 'childList' && record.addedNodes.length > 1)) return;
      observer.disconnect();
      act();
    });
    observer.observe(block, { childList: true, subtree: true });
  }

  it('property: the same markup, text and match count as wrapping in place, and remove() restores it', async () => {
    const phrase = fc.constantFrom(...PHRASES, '数字', '社会', '一句没有名词的话，');
    const inline = fc
      .tuple(fc.constantFrom('span', 'b'), phrase)
      .map(([tag, text]) => `<${tag}>${text}</${tag}>`);
    // Long text nodes (parts end inside them) and inline elements (split matches; parts end between nodes).
    const long = fc.array(phrase, { minLength: 600, maxLength: 1200 }).map((parts) => parts.join(''));
    const block = fc
      .array(fc.oneof(long, long, inline), { minLength: 3, maxLength: 8 })
      .map((parts) => `<p>${parts.join('')}</p>`);
    await fc.assert(
      fc.asyncProperty(block, async (html) => {
        await expectAsInPlace(html, COMMITTED_PER_STEP);
      }),
      { numRuns: 8, seed: 7 },
    );
  });

  it('the page rewriting the text node between parts: its text is kept, and annotated as it is now', async () => {
    const root = bigParagraph(3000);
    const p = root.querySelector('p')!;
    const node = p.firstChild as Text;
    const rewritten = `推进城市大脑建设，${'数字社会'.repeat(3)}`;
    afterFirstPart(p, () => (node.nodeValue = rewritten));
    const { annotation } = await annotateDone(root, { occurrence: 'all' });
    await annotation.settled();
    expect(p.textContent).to.equal(rewritten);
    expect(p.firstChild).to.equal(node);
    expect(wrappedTexts(p)).to.deep.equal(['城市大脑', '数字社会', '数字社会', '数字社会']);
    await annotation.remove();
    expect(p.innerHTML).to.equal(rewritten);
  });

  it('the page calling normalize() between parts loses no text', async () => {
    const root = bigParagraph(3000);
    const p = root.querySelector('p')!;
    const text = p.textContent;
    afterFirstPart(p, () => root.normalize());
    const { annotation } = await annotateDone(root, { occurrence: 'all' });
    await annotation.settled();
    expect(p.textContent).to.equal(text);
    await annotation.remove();
    expect(p.textContent).to.equal(text);
    expect(p.childNodes).to.have.length(1);
  });

  it('the page emptying the block between parts: nothing more is put in', async () => {
    const root = bigParagraph(3000);
    const p = root.querySelector('p')!;
    afterFirstPart(p, () => (p.textContent = '没有名词'));
    const { annotation } = await annotateDone(root, { occurrence: 'all' });
    await annotation.settled();
    expect(p.innerHTML).to.equal('没有名词');
  });

  it('a selection late in the block stays at the same place in its text', async () => {
    const root = bigParagraph(3000);
    const node = root.querySelector('p')!.firstChild as Text;
    const selection = getSelection()!;
    selection.setBaseAndExtent(node, node.length - 500, node, node.length - 100);
    const before = selection.toString();
    await annotateDone(root, { occurrence: 'all' });
    expect(selection.anchorNode).not.to.equal(node);
    expect(selection.toString()).to.equal(before);
    selection.removeAllRanges();
  });
});

/** `count` phrases, one in `every` of them with a term (the rest filler), as one paragraph's text. */
function sparseText(count: number, every: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += i % every ? '一句没有名词的话，' : PHRASES[i % PHRASES.length]!;
  return text;
}

describe('annotate: a text node longer than one step of the matcher', () => {
  it('is planned in parts with the same result as one scan, and wrapped as in place', async () => {
    const text = sparseText(Math.ceil((SCANNED_PER_STEP * 2.5) / 9), 40);
    expect(text.length).to.be.greaterThan(SCANNED_PER_STEP * 2);
    const html = `<p>${text}</p>`;
    const expected = mount(html);
    const matches = wrapInPlace(expected);
    const root = mount(html);
    const { result, annotation } = await annotateDone(root, { occurrence: 'all' });
    expect(result.matches).to.equal(matches);
    expect(markup(root)).to.equal(markup(expected));
    await annotation.remove();
    expect(root.innerHTML).to.equal(html);
  });
});

describe('annotate: no step does more than a bounded amount of work', () => {
  /**
   * Runs the pass over `root` step by step (as the scheduler would, without time) and returns, per step, the wrappers
   * created and the wrappers put into the page, with the paragraphs these went to.
   */
  function createContext(root: Element) {
    const options = resolveOptions({ occurrence: 'all' }, document) as ResolvedOptions;
    const index = new OccurrenceIndex(root, options);
    const owned = new WeakSet<Element>();
    const adapter = createDomAdapter({
      selector: options.selector,
      shadow: options.shadow,
      onEnter: (node) => index.enter(node),
      isOwn: (element) => owned.has(element),
    });
    return {
      adapter,
      root,
      set: undefined,
      index,
      owned,
      reread: () => undefined,
      stats: { matches: 0, textNodes: 0 },
    };
  }

  function countPerStep(root: Element): Array<{ created: number; added: number; blocks: number }> {
    const context = createContext(root);
    const steps: Array<{ created: number; added: number; blocks: number }> = [];
    const inPage = root.getElementsByTagName('dszd-term');
    let [createdBefore, inPageBefore] = [created, 0];
    const pass = annotateSteps(root, context);
    for (let done = false; !done;) {
      done = pass.next().done === true;
      const added = inPage.length - inPageBefore;
      const blocks = new Set<Node | null>();
      for (let i = inPageBefore; i < inPage.length; i++) blocks.add(inPage[i]!.parentNode);
      steps.push({
        created: created - createdBefore,
        added,
        blocks: blocks.size,
      });
      [createdBefore, inPageBefore] = [created, inPage.length];
    }
    return steps;
  }

  /** How many wrappers each step of a pass over a page of `html` put into its child `at` (steps that put none left out). */
  function partsIn(html: string, at: number): number[] {
    const root = mount(html);
    const inBlock = root.children[at]!.getElementsByTagName('dszd-term');
    const parts: number[] = [];
    const pass = annotateSteps(root, createContext(root));
    for (let before = 0, done = false; !done; before = inBlock.length) {
      done = pass.next().done === true;
      if (inBlock.length > before) parts.push(inBlock.length - before);
    }
    return parts;
  }

  it('builds at most BUILT_PER_STEP wrappers a step, and puts at most COMMITTED_PER_STEP in (or one whole run)', () => {
    // Many small paragraphs (more wrappers than are built before they are put in), a paragraph with more matches
    // than a step puts in, and a text node longer than a step of the matcher.
    const small = Array.from(
      { length: 1000 },
      (_, i) => `<p>${PHRASES[i % 6]}数字社会${PHRASES[(i + 1) % 6]}浙农码</p>`,
    );
    const html =
      small.join('') +
      `<p>${'数字社会，城市大脑。'.repeat(1500)}</p><p>${sparseText(20_000, 40)}</p>` +
      small.join('');
    const root = mount(html);
    const steps = countPerStep(root);
    const wrappers = root.getElementsByTagName('dszd-term').length;
    expect(wrappers).to.be.greaterThan(COMMIT_AT);
    expect(steps.reduce((sum, step) => sum + step.added, 0)).to.equal(wrappers);
    for (const step of steps) {
      expect(step.created).to.be.at.most(BUILT_PER_STEP);
      if (step.blocks > 1) expect(step.added).to.be.at.most(COMMITTED_PER_STEP);
    }
    expect(steps.some((step) => step.added === 3000)).to.equal(false);
    // The big paragraph went in parts, a step each: the first of FIRST_PART wrappers, none more than twice the last.
    const parts = partsIn(html, 1000);
    expect(parts.reduce((sum, part) => sum + part, 0)).to.equal(3000);
    expect(parts[0]).to.equal(FIRST_PART);
    expect(parts.length).to.be.greaterThan(2);
    for (const [k, part] of parts.entries()) if (k) expect(part).to.be.at.most(parts[k - 1]! * 2);
  });
});

describe('annotate: remove() of a big annotation', () => {
  /** A page with more wrappers than remove() takes out at once: two big paragraphs and a small one. */
  function bigPage(): HTMLDivElement {
    const root = bigParagraph(1500);
    root.append(bigParagraph(1500).firstElementChild!, bigParagraph(3).firstElementChild!);
    return root;
  }

  it('goes on in slices and, once it resolves, leaves the DOM exactly as it was', async () => {
    const root = bigPage();
    const clone = root.cloneNode(true);
    const texts = Array.from(root.querySelectorAll('p'), (p) => p.firstChild);
    const { annotation, result } = await annotateDone(root, { occurrence: 'all' });
    const removing = annotation.remove();
    const left = root.querySelectorAll('dszd-term').length;
    expect(left).to.be.greaterThan(0).and.lessThan(result.matches);
    expect(root.textContent).to.equal(clone.textContent);
    await removing;
    expect(root.isEqualNode(clone)).to.equal(true);
    expect(Array.from(root.querySelectorAll('p'), (p) => p.firstChild)).to.deep.equal(texts);
  });

  it('takes one big block out over several steps, its text whole and its host node first after each', async () => {
    const root = bigParagraph(9000);
    const p = root.firstElementChild!;
    const node = p.firstChild as Text;
    const text = node.data;
    const html = root.innerHTML;
    const { annotation, result } = await annotateDone(root, { occurrence: 'all' });
    expect(result.matches).to.be.greaterThan(6000);
    const removing = annotation.remove();
    let done = false;
    void removing.then(() => (done = true));
    // Every step before the last leaves the block part unwrapped: the first wrappers' text back in the host's node,
    // the rest still wrapped right after it.
    const left: number[] = [];
    while (!done) {
      const wrappers = p.querySelectorAll('dszd-term').length;
      if (wrappers) left.push(wrappers);
      expect(p.firstChild).to.equal(node);
      expect(p.textContent).to.equal(text);
      expect(text.startsWith(node.data)).to.equal(true);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    expect(left[0]).to.be.greaterThan(0).and.lessThan(result.matches);
    expect(left.length, 'steps seen while removing').to.be.greaterThan(1);
    expect(left).to.deep.equal([...left].sort((a, b) => b - a));
    expect(root.innerHTML).to.equal(html);
    expect(p.firstChild).to.equal(node);
    expect(node.data).to.equal(text);
  });

  it('a page whose appendData throws loses no text while its wrappers are taken out', async () => {
    const root = bigParagraph(30);
    const text = root.textContent;
    const { annotation } = await annotateDone(root, { occurrence: 'all' });
    const appendData = Text.prototype.appendData;
    Text.prototype.appendData = () => {
      throw new Error('host broke appendData');
    };
    try {
      await annotation.remove();
    } finally {
      Text.prototype.appendData = appendData;
    }
    expect(root.textContent).to.equal(text);
  });

  it('annotate() again during the removal takes over: the result is a fresh annotation', async () => {
    const fresh = bigPage();
    await annotateDone(fresh, { occurrence: 'all' });
    const expected = wrappedTexts(fresh);
    fresh.remove();
    const root = bigPage();
    const { annotation } = await annotateDone(root, { occurrence: 'all' });
    const removing = annotation.remove();
    const { annotation: again, result } = await annotateDone(root, { occurrence: 'all' });
    await removing;
    expect(wrappedTexts(root)).to.deep.equal(expected);
    expect(again.matches).to.equal(expected.length);
    expect(result.matches).to.be.lessThan(expected.length);
    await again.remove();
  });

  it('highlight mode during the removal gets the page’s DOM back at once', async () => {
    const root = bigPage();
    const clone = root.cloneNode(true);
    const { annotation } = await annotateDone(root, { occurrence: 'all' });
    void annotation.remove();
    const highlight = annotate(root, { mode: 'highlight', occurrence: 'all' });
    expect(root.isEqualNode(clone)).to.equal(true);
    await highlight.done;
    await highlight.remove();
  });

  it('the page rewriting split text during the removal is healed: its text stays what it wrote', async () => {
    const root = bigPage();
    const last = root.querySelectorAll('p')[1]!.firstChild as Text;
    const { annotation } = await annotateDone(root, { occurrence: 'all' });
    const removing = annotation.remove();
    expect(last.nextSibling, 'still wrapped after remove() returned').not.to.equal(null);
    last.nodeValue = '推进城市大脑建设';
    await removing;
    expect(root.querySelectorAll('p')[1]!.innerHTML).to.equal('推进城市大脑建设');
    expect(root.querySelector('dszd-term')).to.equal(null);
  });
});
