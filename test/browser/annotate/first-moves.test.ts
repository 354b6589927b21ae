import { expect } from '@open-wc/testing';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { findTerms } from '../../../src/match/find-terms';
import { wrappedMatches } from '../frameworks/faithful';
import { highlightedTexts, wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  unmountAll();
});

/** Annotates as the drop-in script does (live, default "first") and waits for the initial pass. */
async function annotateLive(root: Element, mode: 'wrap' | 'highlight' = 'wrap'): Promise<Annotation> {
  annotation = annotate(root, { observe: true, mode });
  await annotation.done;
  return annotation;
}

/** Matches on the page: wrapped matches (a split match once). */
function countWrapped(root: Element): number {
  return wrappedMatches(root).length;
}

describe('annotate: "first" follows the page', () => {
  it('the first occurrence’s ancestor is removed: the next one is wrapped (the <ul><li id=x> case)', async () => {
    const root = mount('<ul><li id="x">城市大脑</li></ul><p id="y">推进城市大脑建设</p>');
    const live = await annotateLive(root);
    expect(root.querySelector('#x dszd-term')).to.not.equal(null);
    expect(root.querySelector('#y dszd-term')).to.equal(null);
    root.querySelector('#x')!.remove();
    await live.settled();
    expect(root.querySelector('#y')!.innerHTML).to.equal(
      '推进<dszd-term term="城市大脑" data-dszd-auto="">城市大脑</dszd-term>建设',
    );
    expect(live.matches).to.equal(1);
    // …and stays wrapped when its own text is rewritten.
    (root.querySelector('#y')!.firstChild as Text).data = '城市大脑的推进';
    await live.settled();
    expect(wrappedTexts(root)).to.deep.equal(['城市大脑']);
    expect(live.matches).to.equal(1);
  });

  it('the same in highlight mode: #y is painted without its own block changing', async () => {
    const root = mount('<ul><li id="x">城市大脑</li></ul><p id="y">推进城市大脑建设</p>');
    const live = await annotateLive(root, 'highlight');
    expect(highlightedTexts()).to.deep.equal(['城市大脑']);
    const y = root.querySelector('#y')!.firstChild!;
    root.querySelector('#x')!.remove();
    await live.settled();
    const painted = [...(CSS.highlights.get('dszd-term') ?? [])] as AbstractRange[];
    expect(painted.map((range) => range.startContainer)).to.deep.equal([y]);
    expect(live.matches).to.equal(1);
  });

  it('the first occurrence moves after the second: the annotation moves to the new first', async () => {
    const root = mount('<p id="a">数字社会</p><p id="b">推进数字社会</p>');
    const live = await annotateLive(root);
    root.append(root.querySelector('#a')!);
    await live.settled();
    expect(root.innerHTML).to.equal(
      '<p id="b">推进<dszd-term term="数字社会" data-dszd-auto="">数字社会</dszd-term></p><p id="a">数字社会</p>',
    );
    expect(live.matches).to.equal(1);
  });

  it('an earlier occurrence is inserted: it takes the annotation', async () => {
    const root = mount('<p>开头</p><p id="b">推进数字社会</p>');
    const live = await annotateLive(root);
    root.firstElementChild!.insertAdjacentHTML('afterend', '<p id="a">数字社会</p>');
    await live.settled();
    expect(root.querySelector('#a dszd-term')).to.not.equal(null);
    expect(root.querySelector('#b dszd-term')).to.equal(null);
    expect(live.matches).to.equal(1);
  });

  it('the first occurrence is rewritten away: the next one is wrapped', async () => {
    const root = mount('<p id="a">数字社会</p><p id="b">推进数字社会</p>');
    const live = await annotateLive(root);
    (root.querySelector('#a')!.firstChild as Text).data = '办事指南';
    await live.settled();
    expect(root.querySelector('#a')!.innerHTML).to.equal('办事指南');
    expect(root.querySelector('#b dszd-term')).to.not.equal(null);
    expect(live.matches).to.equal(1);
  });

  it('a pre-tagged term is removed: the entry’s first text occurrence is wrapped', async () => {
    const root = mount('<p id="a"><dszd-term term="数字社会">数字社会</dszd-term></p><p id="b">数字社会</p>');
    const live = await annotateLive(root);
    expect(wrappedTexts(root)).to.deep.equal([]);
    root.querySelector('#a')!.remove();
    await live.settled();
    expect(wrappedTexts(root)).to.deep.equal(['数字社会']);
  });
});

describe('annotate: matches is what is on the page', () => {
  it('does not drift through rewrites and removals ("all")', async () => {
    const root = mount(Array.from({ length: 8 }, (_, i) => `<p id="p${i}">数字社会和城市大脑</p>`).join(''));
    annotation = annotate(root, { observe: true, occurrence: 'all' });
    await annotation.done;
    expect(annotation.matches).to.equal(16);
    const texts = Array.from(root.querySelectorAll('p'), (p) => p.firstChild as Text);
    for (let round = 0; round < 4; round++) {
      for (const text of texts) text.data = round % 2 ? '数字社会和城市大脑' : '城市大脑';
      await annotation.settled();
      expect(annotation.matches, `round ${round}`).to.equal(countWrapped(root));
    }
    root.querySelector('#p0')!.remove();
    root.querySelector('#p1')!.remove();
    root.querySelector('#p2')!.textContent = '';
    await annotation.settled();
    expect(countWrapped(root)).to.equal(10);
    expect(annotation.matches).to.equal(10);
  });
});

describe('annotate: never a wrong label', () => {
  it('2,000 <li>s, every text node rewritten (same length) a few frames into the sliced pass', async () => {
    const root = mount(`<ul>${'<li>推进数字社会建设</li>'.repeat(2000)}</ul>`);
    const texts = Array.from(root.querySelectorAll('li'), (li) => li.firstChild as Text);
    annotation = annotate(root, { occurrence: 'all' });
    // Right after the pass first puts wrappers in (slices that only build no longer wait for frames: a count of
    // frames says nothing of how far it got).
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!root.querySelector('dszd-term')) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(root, { childList: true, subtree: true });
    });
    expect(wrappedTexts(root).length, 'the pass is still running').to.be.below(2000);
    for (const text of texts) text.data = '推进城市大脑建设';
    await annotation.done;
    await annotation.settled();
    const wrapped = wrappedMatches(root);
    for (const match of wrapped) {
      const [term, text] = match.split('=') as [string, string];
      expect(
        findTerms(text).map((found) => found.term),
        match,
      ).to.deep.equal([term]);
    }
    expect(root.textContent).to.equal('推进城市大脑建设'.repeat(2000));
  });
});
