import { expect } from '@open-wc/testing';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  unmountAll();
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
  it('a long page scrolled to the middle: the blocks on screen are annotated before any other', async () => {
    const blocks = mountLongPage(BLOCKS / 2);
    const root = blocks[0]!.parentElement!;
    const visible = blocks.filter(isOnScreen);
    expect(visible.length).to.be.greaterThan(5);
    // The order in which blocks receive their wrapper, as the page's own observer sees it: independent of how much
    // work fits in a slice on this machine (the first slice's reach depends on the clock; the order does not).
    const order: Element[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const added of record.addedNodes) {
          const block = (added.parentElement ?? added) as Element;
          const wrapper =
            added.nodeName === 'DSZD-TERM' || (added instanceof Element && added.querySelector('dszd-term'));
          const p = block.closest('p');
          if (wrapper && p && !order.includes(p)) order.push(p);
        }
    });
    observer.observe(root, { childList: true, subtree: true });
    annotation = annotate(root, { occurrence: 'all' });
    const result = await annotation.done;
    observer.disconnect();
    expect(result.matches).to.equal(BLOCKS);
    expect(order).to.have.length(BLOCKS);
    // The pass begins at the first block that reaches half a screen above the viewport, goes down to the end of the
    // page, then does the top: what the reader looks at is marked first, whatever a slice holds on this machine.
    const low = blocks.indexOf(order[0] as HTMLParagraphElement);
    expect(low, 'the pass does not begin at the top').to.be.greaterThan(0);
    expect(blocks[low]!.getBoundingClientRect().bottom).to.be.at.least(-window.innerHeight / 2);
    expect(blocks[low - 1]!.getBoundingClientRect().bottom).to.be.below(-window.innerHeight / 2);
    for (const block of visible) expect(blocks.indexOf(block)).to.be.at.least(low);
    expect(order).to.deep.equal([...blocks.slice(low), ...blocks.slice(0, low)]);
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
