import { expect } from '@open-wc/testing';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { loadMark, markAll } from './mark-js';
import { wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';
import { frames } from '../helpers/timing';
import { delayLive, type LiveGate } from '../helpers/delay-live';

const PAGE = '<p>数字社会是浙江的重点工作。</p><p>城市大脑</p><p>我们推进未来社区建设。</p>';
const PAGE_TEXTS = ['数字社会是浙江的重点工作。', '城市大脑', '我们推进未来社区建设。'];
const PAGE_TERMS = ['数字社会', '城市大脑', '未来社区'];

/** The text of each child of root: what a reader sees, block by block. */
function blockTexts(root: Element): string[] {
  return Array.from(root.children, (child) => child.textContent ?? '');
}

let annotation: Annotation | undefined;
// The drop-in's way: the live part of wrap mode comes a task after the first pass (the tests' changes come first).
let gate: LiveGate | undefined;
afterEach(async () => {
  gate?.release();
  await annotation?.remove();
  annotation = undefined;
  gate?.restore();
  gate = undefined;
  unmountAll();
});

function annotateNow(root: Element, observe = true): Annotation {
  annotation = annotate(root, { observe, occurrence: 'all' });
  const { release } = gate ?? {};
  if (release) void annotation.done.then(() => setTimeout(release));
  return annotation;
}

async function annotated(html: string, observe = true): Promise<HTMLDivElement> {
  const root = mount(html);
  await annotateNow(root, observe).done;
  return root;
}

for (const delayed of [false, true])
  describe(`hardening: the page’s text is never lost${delayed ? ' (the live part arriving later, as in the drop-in)' : ''}`, () => {
    beforeEach(() => {
      if (delayed) gate = delayLive();
    });

    for (const observe of [true, false]) {
      it(`root.normalize() keeps every paragraph’s text (observe: ${observe}), and the terms come back`, async () => {
        const root = await annotated(PAGE, observe);
        expect(wrappedTexts(root)).to.deep.equal(PAGE_TERMS);
        root.normalize();
        expect(blockTexts(root)).to.deep.equal(PAGE_TEXTS);
        await Promise.resolve();
        await frames(2);
        expect(blockTexts(root)).to.deep.equal(PAGE_TEXTS);
        expect(wrappedTexts(root)).to.deep.equal(PAGE_TERMS);
      });
    }

    it('normalize() on one paragraph, and on the document', async () => {
      const root = await annotated(PAGE);
      root.children[1]!.normalize();
      document.normalize();
      await Promise.resolve();
      await frames(2);
      expect(blockTexts(root)).to.deep.equal(PAGE_TEXTS);
      expect(wrappedTexts(root)).to.deep.equal(PAGE_TERMS);
    });

    it('normalize() merges the host’s own adjacent text nodes as it would without the annotation', async () => {
      const root = mount('<p></p>');
      const p = root.firstElementChild!;
      p.append('推进', '数字社会建设', '', '和城市大脑');
      await annotateNow(root).done;
      const first = p.firstChild as Text;
      p.normalize();
      await Promise.resolve();
      await frames(2);
      expect(p.textContent).to.equal('推进数字社会建设和城市大脑');
      expect(p.firstChild === first).to.equal(true);
      // at once with the live part there; in the drop-in, once it arrived
      const removal = annotation!.remove();
      if (delayed) await removal;
      expect(p.childNodes.length).to.equal(1);
    });

    it('mark.js mark() then unmark() (which calls normalize) on an annotated page', async () => {
      const Mark = await loadMark();
      const root = await annotated(PAGE);
      const mark = new Mark(root);
      for (const keyword of ['社会', '数字社会是', '大脑', '浙江', '建设。']) {
        markAll(mark, keyword);
        await Promise.resolve();
        expect(blockTexts(root), `after mark(${keyword})`).to.deep.equal(PAGE_TEXTS);
        mark.unmark();
        await Promise.resolve();
        expect(blockTexts(root), `after unmark (${keyword})`).to.deep.equal(PAGE_TEXTS);
      }
      await frames(2);
      expect(root.querySelectorAll('mark')).to.have.length(0);
      expect(wrappedTexts(root)).to.deep.equal(PAGE_TERMS);
    });

    it('splitText on the host’s node, and on a piece, keeps the text and its order', async () => {
      const root = await annotated('<p>推进数字社会和城市大脑建设</p>');
      const p = root.firstElementChild!;
      (p.firstChild as Text).splitText(1);
      await Promise.resolve();
      expect(p.textContent).to.equal('推进数字社会和城市大脑建设');
      const piece = Array.from(p.childNodes).find((node) => node.textContent === '和');
      (piece as Text | undefined)?.splitText(0);
      (p.querySelector('dszd-term')?.firstChild as Text | null)?.splitText(2);
      await Promise.resolve();
      expect(p.textContent).to.equal('推进数字社会和城市大脑建设');
      await frames(2);
      expect(p.textContent).to.equal('推进数字社会和城市大脑建设');
    });
  });
