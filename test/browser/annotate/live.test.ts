import { expect } from '@open-wc/testing';
import { annotate, unannotate, type Annotation } from '../../../src/annotate/annotate';
import { markup, nextAnnotate, wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';
import { eventually, frames } from '../helpers/timing';

function w(text: string, term = text, match?: string): string {
  const id = match ? ` data-dszd-match="${match}"` : '';
  return `<dszd-term term="${term}" data-dszd-auto=""${id}>${text}</dszd-term>`;
}

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  unmountAll();
});

/** Counts the callbacks of every MutationObserver created while installed. */
function countObserverCallbacks(): { calls: number; restore: () => void } {
  const original = window.MutationObserver;
  const counter = { calls: 0, restore: () => void (window.MutationObserver = original) };
  window.MutationObserver = class extends original {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        counter.calls++;
        callback(records, observer);
      });
    }
  };
  return counter;
}

describe('annotate: live', () => {
  it('annotates a paragraph added after the start', async () => {
    const root = mount('<p>开头</p>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    const batch = nextAnnotate(root);
    root.insertAdjacentHTML('beforeend', '<p>新的数字<b>社会</b>段落</p>');
    const result = await batch;
    expect(markup(root)).to.equal(
      `<p>开头</p><p>新的${w('数字', '数字社会', 'm1')}<b>${w('社会', '数字社会', 'm1')}</b>段落</p>`,
    );
    expect(result.matches).to.equal(1);
    expect(annotation.matches).to.equal(1);
  });

  it('annotates text changed after the start', async () => {
    const root = mount('<p>开头</p><p>旧文字</p>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    const batch = nextAnnotate(root);
    (root.lastElementChild!.firstChild as Text).data = '新文字：城市大脑';
    await batch;
    expect(markup(root)).to.equal(`<p>开头</p><p>新文字：${w('城市大脑')}</p>`);
  });

  it('annotates text added next to existing text, across the two nodes', async () => {
    const root = mount('<p>看数字</p>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    const batch = nextAnnotate(root);
    root.firstElementChild!.append('社会');
    await batch;
    expect(markup(root)).to.equal(`<p>看${w('数字', '数字社会', 'm1')}${w('社会', '数字社会', 'm1')}</p>`);
  });

  it('re-reads only the block that changed', async () => {
    const root = mount('<p>一<b>二</b>三</p><p>四</p><div><p>五</p><p>六</p></div>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    const batch = nextAnnotate(root);
    (root.querySelector('b')!.firstChild as Text).data = '城市大脑';
    const result = await batch;
    expect(result.textNodes).to.equal(3);
    expect(wrappedTexts(root)).to.deep.equal(['城市大脑']);
  });

  it('heals the host rewriting a text node it split: the stale pieces go, the new text is annotated', async () => {
    const root = mount('<p>数字社会和城市大脑</p>');
    const original = root.firstElementChild!.firstChild as Text;
    annotation = annotate(root, { observe: true, occurrence: 'all' });
    await annotation.done;
    expect(original.data).to.equal('');
    const batch = nextAnnotate(root);
    original.data = '浙农码';
    await batch;
    // The host's node now holds all of the host's text: what was split off the old text is gone.
    expect(root.textContent).to.equal('浙农码');
    expect(wrappedTexts(root)).to.deep.equal(['浙农码']);
    expect(root.firstElementChild!.firstChild).to.equal(original);
    annotation.remove();
    expect(root.innerHTML).to.equal('<p>浙农码</p>');
    expect(root.firstElementChild!.childNodes).to.have.length(1);
  });

  it('keeps "first" across batches, counting pre-tagged terms the page adds', async () => {
    const root = mount('<p>数字社会</p>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    const batch = nextAnnotate(root);
    root.insertAdjacentHTML(
      'beforeend',
      '<p>数字社会、城市大脑</p><p><dszd-term term="浙农码">浙农码</dszd-term></p><p>浙农码</p>',
    );
    await batch;
    expect(wrappedTexts(root)).to.deep.equal(['数字社会', '城市大脑']);
  });

  it('ignores changes inside skipped elements', async () => {
    const root = mount('<p>开头<code>x</code></p>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    root.querySelector('code')!.textContent = '城市大脑';
    await frames(3);
    expect(root.innerHTML).to.equal('<p>开头<code>城市大脑</code></p>');
  });

  it('batches the changes of one frame into one pass', async () => {
    const root = mount('<p>开头</p>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    let events = 0;
    root.addEventListener('dszd-annotate', () => events++);
    const batch = nextAnnotate(root);
    for (const text of ['数字社会', '城市大脑', '浙农码'])
      root.append(Object.assign(document.createElement('p'), { textContent: text }));
    await batch;
    await frames(4);
    expect(events).to.equal(1);
    expect(wrappedTexts(root)).to.deep.equal(['数字社会', '城市大脑', '浙农码']);
  });

  it('stays bounded: its own mutations never call the observer, one host change calls it once', async () => {
    const counter = countObserverCallbacks();
    try {
      const root = mount('<p>数字社会，城市大脑，浙农码</p>');
      annotation = annotate(root, { observe: true, occurrence: 'all' });
      await annotation.done;
      await frames(3);
      expect(counter.calls).to.equal(0);
      const batch = nextAnnotate(root);
      root.insertAdjacentHTML('beforeend', '<p>安心码和浙里家</p>');
      await batch;
      await frames(10);
      expect(counter.calls).to.equal(1);
      expect(wrappedTexts(root)).to.deep.equal(['数字社会', '城市大脑', '浙农码', '安心码', '浙里家']);
    } finally {
      counter.restore();
    }
  });

  it('remove() stops observing', async () => {
    const root = mount('<p>开头</p>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    annotation.remove();
    root.insertAdjacentHTML('beforeend', '<p>数字社会</p>');
    await frames(4);
    expect(root.innerHTML).to.equal('<p>开头</p><p>数字社会</p>');
  });

  it('remove() between a change and its batch drops the batch', async () => {
    const root = mount('<p>开头</p>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    root.insertAdjacentHTML('beforeend', '<p>数字社会</p>');
    annotation.remove();
    await frames(4);
    expect(root.innerHTML).to.equal('<p>开头</p><p>数字社会</p>');
  });

  it('unannotate(root) stops a live annotation under it', async () => {
    const outer = mount('<div><p>数字社会</p></div>');
    annotation = annotate(outer.firstElementChild!, { observe: true });
    await annotation.done;
    unannotate(outer);
    outer.firstElementChild!.insertAdjacentHTML('beforeend', '<p>城市大脑</p>');
    await frames(4);
    expect(outer.innerHTML).to.equal('<div><p>数字社会</p><p>城市大脑</p></div>');
  });

  it('a replaced annotation stops observing; the new one goes on', async () => {
    const root = mount('<p>开头</p>');
    const first = annotate(root, { observe: true });
    await first.done;
    annotation = annotate(root, { observe: true, occurrence: 'all' });
    await annotation.done;
    let events = 0;
    root.addEventListener('dszd-annotate', () => events++);
    const batch = nextAnnotate(root);
    root.insertAdjacentHTML('beforeend', '<p>数字社会</p>');
    await batch;
    await frames(4);
    expect(events).to.equal(1);
    expect(wrappedTexts(root)).to.deep.equal(['数字社会']);
  });

  it('falls back to a timer when the page is hidden (no animation frames)', async () => {
    const root = mount('<p>开头</p>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    const raf = window.requestAnimationFrame;
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    window.requestAnimationFrame = () => 0;
    try {
      const batch = nextAnnotate(root);
      root.insertAdjacentHTML('beforeend', '<p>数字社会</p>');
      await batch;
      expect(wrappedTexts(root)).to.deep.equal(['数字社会']);
    } finally {
      window.requestAnimationFrame = raf;
      delete (document as { visibilityState?: string }).visibilityState;
    }
  });

  it('annotates content added while the initial pass is still running', async () => {
    const root = mount(
      Array.from({ length: 3000 }, () => '<p>一段没有名词的文字，一段没有名词的文字。</p>').join(''),
    );
    annotation = annotate(root, { observe: true });
    root.insertAdjacentHTML('afterbegin', '<p>城市大脑</p>');
    await annotation.done;
    // The initial pass or the live batch after it wraps it, however many frames a loaded machine takes.
    await eventually(() => expect(wrappedTexts(root)).to.deep.equal(['城市大脑']));
  });
});
