/**
 * The drop-in's way of wrap mode: the live part (healing, the page's changes, editable content) arrives as a stage
 * of its own after the first pass. The page's changes meanwhile are kept and handled when it arrives, exactly as
 * if it had been there; settled() and remove() wait for it; if it cannot be loaded the annotation removes itself.
 */
import { expect } from '@open-wc/testing';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import type { DszdErrorEvent } from '../../../src/events/error-event';
import { delayLive, type LiveGate } from '../helpers/delay-live';
import { markup, wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';
import { frames } from '../helpers/timing';

function w(text: string, term = text): string {
  return `<dszd-term term="${term}" data-dszd-auto="">${text}</dszd-term>`;
}

let gate: LiveGate;
let annotation: Annotation | undefined;
beforeEach(() => {
  gate = delayLive();
});
afterEach(async () => {
  gate.release();
  await annotation?.remove();
  annotation = undefined;
  gate.restore();
  unmountAll();
});

async function annotateDelayed(root: Element, observe = true): Promise<Annotation> {
  annotation = annotate(root, { observe, occurrence: 'all' });
  await annotation.done;
  return annotation;
}

/** A change made while the live part is not there yet, then what the page shows once it arrived and settled. */
async function afterArrival(annotation: Annotation): Promise<void> {
  gate.release();
  await annotation.settled();
}

describe('annotate: the live part arrives after the first pass (the drop-in)', () => {
  it('wraps in the first pass without it', async () => {
    const root = mount('<p>推进数字社会建设</p>');
    await annotateDelayed(root);
    expect(root.innerHTML).to.equal(`<p>推进${w('数字社会')}建设</p>`);
  });

  for (const observe of [true, false]) {
    it(`the host rewrites a split node meanwhile: its text, annotated again once it arrives (observe: ${observe})`, async () => {
      const root = mount('<p>推进数字社会建设<i>!</i></p>');
      const p = root.firstElementChild!;
      const own = p.firstChild as Text;
      const annotation = await annotateDelayed(root, observe);
      own.nodeValue = '推进数字社会和未来社区建设';
      await afterArrival(annotation);
      expect(p.innerHTML).to.equal(`推进${w('数字社会')}和${w('未来社区')}建设<i>!</i>`);
      expect(p.firstChild === own).to.equal(true);
    });
  }

  it('the host removes a split node, moves another, and inserts before a third (Vue’s anchor) meanwhile', async () => {
    const root = mount('<p>城市大脑与浙农码<b>。</b></p><p>数字社会</p><p>未来社区<i>!</i></p>');
    const [first, second, third] = Array.from(root.children);
    const removed = first!.firstChild!;
    const moved = second!.firstChild!;
    const anchored = third!.firstChild!;
    const annotation = await annotateDelayed(root);
    first!.removeChild(removed);
    first!.append(moved);
    third!.insertBefore(document.createTextNode('，推进'), anchored.nextSibling);
    await afterArrival(annotation);
    expect(first!.innerHTML).to.equal(`<b>。</b>${w('数字社会')}`);
    expect(second!.innerHTML).to.equal('');
    expect(third!.innerHTML).to.equal(`${w('未来社区')}，推进<i>!</i>`);
  });

  it('someone changes a piece, and half of a split match is rewritten, meanwhile', async () => {
    const root = mount('<p>城市大脑和浙农码</p><p>推进数字<b>社会</b>建设</p>');
    const [first, second] = Array.from(root.children) as HTMLElement[];
    const own = second!.firstChild as Text;
    const annotation = await annotateDelayed(root);
    (first!.querySelector('dszd-term')!.firstChild as Text).data = '城市';
    own.data = '推进城市';
    await afterArrival(annotation);
    expect(markup(first!)).to.equal(`城市和${w('浙农码')}`);
    expect(second!.innerHTML).to.equal('推进城市<b>社会</b>建设');
  });

  it('normalize() meanwhile keeps every paragraph’s text, and the terms come back', async () => {
    const root = mount('<p>数字社会是浙江的重点工作。</p><p>城市大脑</p>');
    const texts = Array.from(root.children, (child) => child.textContent);
    const annotation = await annotateDelayed(root);
    root.normalize();
    expect(Array.from(root.children, (child) => child.textContent)).to.deep.equal(texts);
    await afterArrival(annotation);
    expect(Array.from(root.children, (child) => child.textContent)).to.deep.equal(texts);
    expect(wrappedTexts(root)).to.deep.equal(['数字社会', '城市大脑']);
  });

  it('splitText on the host’s node meanwhile keeps the text and its order', async () => {
    const root = mount('<p>推进数字社会建设和城市大脑</p>');
    const p = root.firstElementChild!;
    const annotation = await annotateDelayed(root);
    (p.firstChild as Text).splitText(1);
    await afterArrival(annotation);
    expect(p.textContent).to.equal('推进数字社会建设和城市大脑');
    expect(wrappedTexts(root)).to.deep.equal(['数字社会', '城市大脑']);
  });

  it('content made editable meanwhile is unwrapped once it arrives', async () => {
    const root = mount('<p>推进数字社会建设</p><div><p>城市大脑</p></div>');
    const annotation = await annotateDelayed(root);
    const editor = root.children[1] as HTMLElement;
    editor.contentEditable = 'true';
    await afterArrival(annotation);
    expect(editor.innerHTML).to.equal('<p>城市大脑</p>');
    expect(wrappedTexts(root)).to.deep.equal(['数字社会']);
  });

  it('the page adds content meanwhile: annotated once it arrives', async () => {
    const root = mount('<p>推进数字社会建设</p>');
    const annotation = await annotateDelayed(root);
    root.insertAdjacentHTML('beforeend', '<p>打造未来社区</p>');
    await afterArrival(annotation);
    expect(wrappedTexts(root)).to.deep.equal(['数字社会', '未来社区']);
    expect(annotation.matches).to.equal(2);
  });

  it('settled() waits for it', async () => {
    const root = mount('<p>推进数字社会建设</p>');
    const annotation = await annotateDelayed(root);
    let settled = false;
    void annotation.settled().then(() => (settled = true));
    await frames(3);
    expect(settled, 'settled before the live part').to.equal(false);
    gate.release();
    await annotation.settled();
    expect(settled).to.equal(true);
  });

  it('remove() before it arrives waits for it, heals the changes kept meanwhile, and restores the page', async () => {
    const root = mount('<p>推进数字社会建设</p><p>城市大脑<b>。</b></p>');
    const second = root.children[1]!;
    const annotation = await annotateDelayed(root);
    (root.firstElementChild!.firstChild as Text).data = '推进未来社区建设';
    second.removeChild(second.firstChild!);
    let removed = false;
    const removal = annotation.remove().then(() => (removed = true));
    await frames(2);
    expect(removed, 'removed before the live part').to.equal(false);
    gate.release();
    await removal;
    expect(root.innerHTML).to.equal('<p>推进未来社区建设</p><p><b>。</b></p>');
    expect(root.firstElementChild!.childNodes).to.have.length(1);
  });

  it('remove() before it arrives, then highlight mode on the root: the wrappers go at once, exactly', async () => {
    const root = mount('<p>推进数字社会建设</p><p>城市大脑<b>。</b>未来社区</p>');
    const before = root.innerHTML;
    const annotation = await annotateDelayed(root);
    const removal = annotation.remove();
    const highlight = annotate(root, { mode: 'highlight' });
    expect(highlight.mode).to.equal('highlight');
    expect(root.innerHTML, 'before the live part arrives').to.equal(before);
    expect(root.firstElementChild!.childNodes).to.have.length(1);
    gate.release();
    await removal;
    expect(root.innerHTML).to.equal(before);
    await highlight.remove();
  });

  it('remove() before it arrives, then a new wrap annotation of the root: it takes the wrappers over', async () => {
    const root = mount('<p>推进数字社会建设</p><p>城市大脑</p>');
    const before = root.innerHTML;
    const first = await annotateDelayed(root);
    const removal = first.remove();
    const second = annotate(root, { occurrence: 'all' });
    await second.done;
    gate.release();
    await removal;
    await second.settled();
    expect(wrappedTexts(root), 'the wrappers stay, now the second annotation’s').to.deep.equal([
      '数字社会',
      '城市大脑',
    ]);
    await second.remove();
    expect(root.innerHTML).to.equal(before);
  });

  /** Runs `act` with the live part failing to load; returns the contexts of the dszd-errors on root meanwhile. */
  async function withFailure(root: HTMLElement, act: () => Promise<void>): Promise<string[]> {
    const errors: DszdErrorEvent[] = [];
    root.addEventListener('dszd-error', (event) => errors.push(event));
    const warn = console.warn;
    console.warn = () => {};
    try {
      await act();
    } finally {
      console.warn = warn;
    }
    return errors.map((event) => event.context);
  }

  it('cannot be loaded: reported once, and the annotation removes itself (the page as it was)', async () => {
    const root = mount('<p>推进数字社会建设</p><p>城市大脑</p>');
    const before = root.innerHTML;
    const contexts = await withFailure(root, async () => {
      const annotation = await annotateDelayed(root);
      expect(wrappedTexts(root)).to.deep.equal(['数字社会', '城市大脑']);
      gate.fail();
      await annotation.settled();
      await frames(2);
      expect(root.innerHTML).to.equal(before);
      expect(annotation.matches).to.equal(0);
    });
    expect(contexts).to.deep.equal(['live stage']);
  });

  it('cannot be loaded while remove() waits for it: the wrappers still go, reported once', async () => {
    const root = mount('<p>推进数字社会建设</p>');
    const before = root.innerHTML;
    const contexts = await withFailure(root, async () => {
      const annotation = await annotateDelayed(root);
      const removal = annotation.remove();
      gate.fail();
      await removal;
    });
    expect(root.innerHTML).to.equal(before);
    expect(contexts).to.deep.equal(['live stage']);
  });
});
