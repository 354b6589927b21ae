import { expect } from '@open-wc/testing';
import { annotate, unannotate, type Annotation } from '../../../src/annotate/annotate';
import type { DszdErrorEvent } from '../../../src/events/error-event';
import { highlight, highlightedRanges, highlightedTexts, indexHost, indexPart } from '../helpers/annotate';
import { mount, recordMutations, unmountAll } from '../helpers/dom';
import { frames, waitFor } from '../helpers/timing';
import { warningsDuring } from '../helpers/console';

const PAGE =
  '<p>这是数字<span>社会</span>的定义，<b>城市</b>大脑与未来社区。</p><ul><li>浙农码<em>和</em>安心码</li></ul>' +
  '<p>数字社会<code>城市大脑</code></p><h2>浙农码</h2>';

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  unmountAll();
});

describe('highlight mode: the DOM stays the page’s', () => {
  it('changes nothing under the root: no mutation record, an equal clone, the same markup', async () => {
    const root = mount(PAGE);
    const clone = root.cloneNode(true);
    const html = root.innerHTML;
    const mutations = recordMutations(root);
    annotation = await highlight(root);
    expect(annotation.mode).to.equal('highlight');
    expect(mutations.stop()).to.have.length(0);
    expect(root.isEqualNode(clone)).to.equal(true);
    expect(root.innerHTML).to.equal(html);
  });

  it('highlights every match with the same engine and skip rules as wrapping, across inline elements', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    expect(highlightedTexts()).to.deep.equal([
      '数字社会',
      '城市大脑',
      '未来社区',
      '浙农码',
      '安心码',
      '数字社会',
    ]);
    expect(annotation.matches).to.equal(6);
  });

  it('styles the highlight with an adopted stylesheet, not a <style> element', async () => {
    const root = mount(PAGE);
    const before = document.adoptedStyleSheets.length;
    const styles = document.querySelectorAll('style').length;
    annotation = await highlight(root);
    expect(document.adoptedStyleSheets.length).to.equal(before + 1);
    expect(document.querySelectorAll('style').length).to.equal(styles);
    const rules = [...document.adoptedStyleSheets.at(-1)!.cssRules].map((rule) => rule.cssText).join('\n');
    expect(rules).to.contain('::highlight(dszd-term)');
    const p = root.querySelector('p')!;
    expect(getComputedStyle(p, '::highlight(dszd-term)').textDecorationLine).to.equal('underline');
  });

  it('remove() takes out the highlights, the stylesheet and the control; the DOM under the root never changed', async () => {
    const root = mount(PAGE);
    const before = [...document.adoptedStyleSheets];
    const mutations = recordMutations(root);
    annotation = await highlight(root);
    expect(indexHost()).to.not.equal(null);
    annotation.remove();
    expect(CSS.highlights.has('dszd-term')).to.equal(false);
    expect(document.adoptedStyleSheets).to.deep.equal(before);
    expect(indexHost()).to.equal(null);
    expect(annotation.matches).to.equal(0);
    expect(mutations.stop()).to.have.length(0);
  });

  it('puts its control outside the root: first in <body>, or before <body> when the root is the body', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    expect(document.body.firstElementChild === indexHost()).to.equal(true);
    annotation.remove();
    const clone = document.body.cloneNode(true);
    const mutations = recordMutations(document.body);
    annotation = await highlight(document.body);
    expect(indexHost()?.nextElementSibling === document.body).to.equal(true);
    expect(mutations.stop()).to.have.length(0);
    expect(document.body.isEqualNode(clone)).to.equal(true);
  });

  it('shows the number of terms found on the control and hides it when there are none', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    expect(indexPart('.toggle')!.textContent).to.equal('术语解释（5）');
    expect(indexHost()!.hidden).to.equal(false);
    annotation.remove();
    annotation = await highlight(mount('<p>没有名词</p>'));
    expect(indexHost()!.hidden).to.equal(true);
  });

  it('follows the page live with observe: new and changed text is highlighted, removed text is not', async () => {
    const root = mount('<p>开头</p><p id="b">城市大脑</p>');
    annotation = await highlight(root, { observe: true });
    const mutations = recordMutations(root);
    root.insertAdjacentHTML('beforeend', '<p>未来社区</p>');
    (root.querySelector('#b')!.firstChild as Text).data = '浙农码和安心码';
    await frames(3);
    expect(highlightedTexts()).to.deep.equal(['浙农码', '安心码', '未来社区']);
    root.lastElementChild!.remove();
    await frames(3);
    expect(highlightedTexts()).to.deep.equal(['浙农码', '安心码']);
    // Only the test's own three changes were recorded: highlighting added none.
    expect(mutations.stop()).to.have.length(3);
  });

  it('paints only the matches on or near the screen, and those scrolled to as they come', async () => {
    const root = mount(
      Array.from({ length: 12 }, (_, i) => `<p style="height: 600px">第${i}段：城市大脑</p>`).join(''),
    );
    annotation = await highlight(root);
    expect(annotation.matches).to.equal(12);
    const painted = highlightedTexts().length;
    expect(painted).to.be.within(1, 4);
    const last = root.lastElementChild!;
    last.scrollIntoView();
    try {
      expect(
        await waitFor(() => highlightedRanges().some((range) => last.contains(range.startContainer))),
      ).to.equal(true);
      expect(
        highlightedRanges().some((range) => root.firstElementChild!.contains(range.startContainer)),
      ).to.equal(false);
    } finally {
      window.scrollTo(0, 0);
    }
  });

  it('highlights inside open shadow roots under the root, styled there too', async () => {
    const root = mount('<p>开头</p><div id="host"></div>');
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>影子里的城市大脑</p>';
    annotation = await highlight(root);
    expect(highlightedTexts()).to.deep.equal(['城市大脑']);
    expect(
      getComputedStyle(shadow.querySelector('p')!, '::highlight(dszd-term)').textDecorationLine,
    ).to.equal('underline');
    annotation.remove();
    expect(shadow.adoptedStyleSheets).to.have.length(0);
  });

  it('taking over a root wrapped before removes the wrappers; unannotate() removes the highlights', async () => {
    const root = mount('<p>推进数字社会建设</p>');
    const clone = root.cloneNode(true);
    const wrapped = annotate(root, { occurrence: 'all' });
    await wrapped.done;
    expect(root.querySelectorAll('dszd-term')).to.have.length(1);
    annotation = await highlight(root);
    expect(root.isEqualNode(clone)).to.equal(true);
    expect(highlightedTexts()).to.deep.equal(['数字社会']);
    unannotate(root);
    expect(CSS.highlights.has('dszd-term')).to.equal(false);
    expect(indexHost()).to.equal(null);
  });

  it('a bad mode is reported, not thrown', async () => {
    const root = mount(PAGE);
    const errors: DszdErrorEvent[] = [];
    root.addEventListener('dszd-error', (event) => errors.push(event));
    await warningsDuring(async () => {
      annotation = annotate(root, { mode: 'overlay' as 'highlight' });
      await annotation.done;
    });
    expect(errors.map((event) => (event.error as Error).message)).to.deep.equal([
      'annotate: option "mode" must be "wrap" or "highlight", got "overlay"',
    ]);
    expect(root.querySelectorAll('dszd-term')).to.have.length(0);
  });

  it('takes "auto" (the old name of "wrap") from old pages as "wrap", silently', async () => {
    const root = mount('<p>推进数字社会建设</p>');
    const errors: Event[] = [];
    root.addEventListener('dszd-error', (event) => errors.push(event));
    annotation = annotate(root, { mode: 'auto' as 'wrap' });
    await annotation.done;
    expect(annotation.mode).to.equal('wrap');
    expect(root.querySelectorAll('dszd-term')).to.have.length(1);
    expect(errors).to.have.length(0);
  });

  it('falls back to self-healing wrapping where the Highlight API is missing', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(CSS, 'highlights')!;
    Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true });
    try {
      const root = mount('<p>推进数字社会建设</p>');
      annotation = annotate(root, { mode: 'highlight' });
      await annotation.done;
      expect(annotation.mode).to.equal('wrap');
      expect(root.innerHTML).to.equal(
        '<p>推进<dszd-term term="数字社会" data-dszd-auto="">数字社会</dszd-term>建设</p>',
      );
      expect(indexHost()).to.equal(null);
    } finally {
      Object.defineProperty(CSS, 'highlights', descriptor);
    }
  });
});
