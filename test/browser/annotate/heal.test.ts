import { expect } from '@open-wc/testing';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import type { DszdErrorEvent } from '../../../src/events/error-event';
import { markup, wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';
import { eventually, frames } from '../helpers/timing';

function w(text: string, term = text, match?: string): string {
  const id = match ? ` data-dszd-match="${match}"` : '';
  return `<dszd-term term="${term}" data-dszd-auto=""${id}>${text}</dszd-term>`;
}

/** Lets the mutation observer's callback (a microtask) run, and nothing else: no frame, no paint. */
const observerTurn = () => Promise.resolve();

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  unmountAll();
});

async function annotateLive(root: Element, observe = true): Promise<Annotation> {
  annotation = annotate(root, { observe, occurrence: 'all' });
  await annotation.done;
  return annotation;
}

describe('annotate: self-healing', () => {
  it('the host rewrites a split node: its text shows alone, annotated again, before any frame', async () => {
    const root = mount('<p>推进数字社会建设<i>!</i></p>');
    const p = root.firstElementChild!;
    const own = p.firstChild as Text;
    await annotateLive(root);
    own.nodeValue = '推进数字社会和未来社区建设';
    await observerTurn();
    expect(p.innerHTML).to.equal(`推进${w('数字社会')}和${w('未来社区')}建设<i>!</i>`);
    expect(p.firstChild === own).to.equal(true);
  });

  it('the host writes the very text the annotator left in its node: still the host’s text', async () => {
    const root = mount('<p>推进数字社会建设</p>');
    const own = root.firstElementChild!.firstChild as Text;
    await annotateLive(root);
    expect(own.data).to.equal('推进');
    own.data = '推进';
    await observerTurn();
    expect(root.innerHTML).to.equal('<p>推进</p>');
  });

  it('the host removes a split node: its pieces go with it', async () => {
    const root = mount('<p>城市大脑与浙农码<b>。</b></p>');
    const p = root.firstElementChild!;
    const own = p.firstChild!;
    await annotateLive(root);
    p.removeChild(own);
    await observerTurn();
    expect(p.innerHTML).to.equal('<b>。</b>');
  });

  it('the host inserts before the node after its own (Vue’s anchor): the node gets its text back, in order', async () => {
    const root = mount('<p>推进数字社会建设<i>!</i></p>');
    const p = root.firstElementChild!;
    const own = p.firstChild as Text;
    await annotateLive(root);
    // What Vue does with hostNextSibling(node) as the anchor: that sibling is now a wrapper.
    p.insertBefore(document.createElement('br'), own.nextSibling);
    await observerTurn();
    expect(p.firstChild === own).to.equal(true);
    expect(markup(p as HTMLElement)).to.equal(`推进${w('数字社会')}建设<br><i>!</i>`);
  });

  it('the host moves a split node: its whole text moves with it, the pieces left behind go', async () => {
    const root = mount('<p>城市大脑和浙农码<br>其他</p>');
    const p = root.firstElementChild!;
    const own = p.firstChild as Text;
    await annotateLive(root);
    p.append(own);
    await observerTurn();
    expect(p.textContent).to.equal('其他城市大脑和浙农码');
    expect(own.previousSibling?.textContent).to.equal('其他');
    expect(markup(p as HTMLElement)).to.equal(`<br>其他${w('城市大脑')}和${w('浙农码')}`);
  });

  it('someone else changes a piece: the node gets its whole text back', async () => {
    const root = mount('<p>城市大脑和浙农码</p>');
    const p = root.firstElementChild!;
    await annotateLive(root);
    (p.querySelector('dszd-term')!.firstChild as Text).data = '城市';
    await observerTurn();
    expect(markup(p as HTMLElement)).to.equal(`城市和${w('浙农码')}`);
  });

  it('half of a split match rewritten: the other half is not left wrapped', async () => {
    const root = mount('<p>推进数字<b>社会</b>建设</p>');
    const p = root.firstElementChild!;
    const first = p.firstChild as Text;
    await annotateLive(root);
    expect(wrappedTexts(root)).to.deep.equal(['数字', '社会']);
    first.data = '推进城市';
    await observerTurn();
    expect(p.innerHTML).to.equal('推进城市<b>社会</b>建设');
  });

  it('a host replacing all children (textContent) is left alone', async () => {
    const root = mount('<p>城市大脑和浙农码</p>');
    const p = root.firstElementChild!;
    await annotateLive(root);
    p.textContent = '浙里办';
    await observerTurn();
    expect(p.innerHTML).to.equal('浙里办');
  });

  it('heals without observe too (only the text it split is watched)', async () => {
    const root = mount('<p>推进数字社会建设</p><p>后来</p>');
    const own = root.firstElementChild!.firstChild as Text;
    await annotateLive(root, false);
    own.data = '推进未来社区建设';
    root.lastElementChild!.firstChild!.textContent = '城市大脑';
    await observerTurn();
    await eventually(() => expect(root.innerHTML).to.equal(`<p>推进${w('未来社区')}建设</p><p>城市大脑</p>`));
  });

  it('is bounded: a host that rewrites the node whenever it is split wins after a few rounds', async () => {
    const root = mount('<p>推进数字社会建设</p>');
    const p = root.firstElementChild!;
    const own = p.firstChild as Text;
    await annotateLive(root);
    let rewrites = 0;
    // A host insisting on one text node: every split is answered by writing the whole text back.
    const host = new MutationObserver(() => {
      if (p.childNodes.length > 1 && rewrites < 100) {
        rewrites++;
        own.data = '推进数字社会建设';
      }
    });
    host.observe(p, { childList: true });
    own.data = '推进数字社会建设';
    await frames(3);
    host.disconnect();
    expect(rewrites).to.be.within(9, 11);
    expect(p.textContent).to.equal('推进数字社会建设');
    expect(p.childNodes).to.have.length(1);
  });

  it('never throws into the host: a failure while healing is reported', async () => {
    const root = mount('<p>推进数字社会建设</p>');
    const own = root.firstElementChild!.firstChild as Text;
    await annotateLive(root);
    const errors: DszdErrorEvent[] = [];
    root.addEventListener('dszd-error', (event) => errors.push(event));
    const removeChild = Node.prototype.removeChild;
    Node.prototype.removeChild = function <T extends Node>(this: Node, child: T): T {
      if ((child as Node).nodeName === 'DSZD-TERM') throw new Error('host broke removeChild');
      return removeChild.call(this, child) as T;
    };
    const warn = console.warn;
    console.warn = () => {};
    try {
      own.data = '城市大脑';
      await observerTurn();
    } finally {
      Node.prototype.removeChild = removeChild;
      console.warn = warn;
    }
    expect(errors.map((event) => [(event.error as Error).message, event.context])).to.deep.equal([
      ['host broke removeChild', 'annotate (live)'],
    ]);
  });
});
