import { expect } from '@open-wc/testing';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { findTerms } from '../../../src/match/find-terms';
import { mount, wrappedTexts } from './helpers';

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  document.querySelectorAll('body > div').forEach((element) => element.remove());
  window.scrollTo(0, 0);
});

const BLOCKS = 3000;

/** A long page of fixed-height paragraphs, each with one term, scrolled so that paragraph `at` is in the middle. */
function mountLongPage(at: number): HTMLParagraphElement[] {
  const root = mount(
    Array.from(
      { length: BLOCKS },
      (_, i) => `<p style="margin:0;height:40px">第${i}段：推进数字社会建设</p>`,
    ).join(''),
  );
  const blocks = Array.from(root.querySelectorAll('p'));
  blocks[at]!.scrollIntoView({ block: 'center' });
  return blocks;
}

function isOnScreen(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < window.innerHeight;
}

describe('annotate: viewport first ("all")', () => {
  it('a long page scrolled to the middle: the blocks on screen are annotated within the first slice', async () => {
    const blocks = mountLongPage(BLOCKS / 2);
    const root = blocks[0]!.parentElement!;
    // The matcher is built on first use, which alone fills a slice: built here, as on a page annotated before.
    findTerms('数字社会');
    // The first slice runs inside annotate(); the rest follows a frame at a time.
    annotation = annotate(root, { occurrence: 'all' });
    const visible = blocks.filter(isOnScreen);
    expect(visible.length).to.be.greaterThan(5);
    for (const block of visible)
      expect(block.querySelector('dszd-term'), `on screen: ${block.textContent}`).to.not.equal(null);
    // In document order the pass would have begun at the top, which it has not reached yet.
    expect(blocks[0]!.querySelector('dszd-term'), 'the top of the page').to.equal(null);
    const result = await annotation.done;
    expect(result.matches).to.equal(BLOCKS);
    expect(wrappedTexts(root)).to.have.length(BLOCKS);
    expect(root.textContent).to.equal(
      Array.from({ length: BLOCKS }, (_, i) => `第${i}段：推进数字社会建设`).join(''),
    );
  });

  it('"first" keeps document order: the first occurrence is the one at the top, wherever the page is scrolled', async () => {
    const blocks = mountLongPage(BLOCKS / 2);
    const root = blocks[0]!.parentElement!;
    annotation = annotate(root, { occurrence: 'first' });
    await annotation.done;
    expect(wrappedTexts(root)).to.deep.equal(['数字社会']);
    expect(blocks[0]!.querySelector('dszd-term')).to.not.equal(null);
  });
});
