import { expect } from '@open-wc/testing';
import { annotateDone, markup } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';

/** The markup the annotator writes around one piece. */
function w(text: string, term = text, match?: string): string {
  const id = match ? ` data-dszd-match="${match}"` : '';
  return `<dszd-term term="${term}" data-dszd-auto=""${id}>${text}</dszd-term>`;
}

afterEach(unmountAll);

describe('annotate: text across inline markup', () => {
  for (const tag of ['span', 'b', 'em', 'font']) {
    it(`finds a term split by <${tag}> and wraps each piece as one match`, async () => {
      const root = mount(`<p>这是数字<${tag}>社会</${tag}>的定义</p>`);
      const { result } = await annotateDone(root);
      expect(markup(root)).to.equal(
        `<p>这是${w('数字', '数字社会', 'm1')}<${tag}>${w('社会', '数字社会', 'm1')}</${tag}>的定义</p>`,
      );
      expect(result.matches).to.equal(1);
    });
  }

  it('finds a term split over three inline pieces and nested inline elements', async () => {
    const root = mount('<p>看<span><b>城</b></span><em>市</em>大脑</p>');
    await annotateDone(root);
    expect(markup(root)).to.equal(
      `<p>看<span><b>${w('城', '城市大脑', 'm1')}</b></span><em>${w('市', '城市大脑', 'm1')}</em>${w('大脑', '城市大脑', 'm1')}</p>`,
    );
  });

  it('finds a term broken by a line break and indentation in the source', async () => {
    const root = mount('<p>建设未来\n        社区。</p>');
    await annotateDone(root);
    expect(markup(root)).to.equal(`<p>建设${w('未来\n        社区', '未来社区')}。</p>`);
  });

  it('finds a term broken by a line break between inline elements', async () => {
    const root = mount('<p>建设<span>未来</span>\n<span>社区</span>。</p>');
    await annotateDone(root);
    expect(markup(root)).to.equal(
      `<p>建设<span>${w('未来', '未来社区', 'm1')}</span>${w('\n', '未来社区', 'm1')}<span>${w('社区', '未来社区', 'm1')}</span>。</p>`,
    );
  });

  it('takes quotes around a term that spans inline elements', async () => {
    const root = mount('<p>推进<b>“总对总”</b>服务。</p>');
    await annotateDone(root);
    expect(markup(root)).to.equal(
      `<p>推进<b>${w('“总对总”', '“总对总”服务', 'm1')}</b>${w('服务', '“总对总”服务', 'm1')}。</p>`,
    );
  });
});

describe('annotate: block boundaries end a run', () => {
  const cases: Array<[string, string]> = [
    ['p', '<p>数字</p><p>社会</p>'],
    ['div', '<div>数字<div>社会</div></div>'],
    ['li', '<ul><li>数字</li><li>社会</li></ul>'],
    ['td', '<table><tbody><tr><td>数字</td><td>社会</td></tr></tbody></table>'],
    ['br', '<p>数字<br>社会</p>'],
    ['img', '<p>数字<img alt="">社会</p>'],
  ];
  for (const [tag, html] of cases) {
    it(`does not match across <${tag}>`, async () => {
      const root = mount(html);
      const before = root.innerHTML;
      const { result } = await annotateDone(root);
      expect(root.innerHTML).to.equal(before);
      expect(result.matches).to.equal(0);
    });
  }

  it('still matches on each side of a block boundary', async () => {
    const root = mount('<p>城市大脑</p><p>数字<br>社会浙农码</p>');
    await annotateDone(root);
    expect(markup(root)).to.equal(`<p>${w('城市大脑')}</p><p>数字<br>社会${w('浙农码')}</p>`);
  });
});

describe('annotate: skipped elements', () => {
  const skipped = [
    'script',
    'style',
    'noscript',
    'template',
    'textarea',
    'input',
    'select',
    'option',
    'button',
    'a',
    'code',
    'pre',
    'kbd',
    'samp',
    'var',
    'iframe',
    'title',
    'rt',
    'rp',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
  ];
  /** A paragraph with terms on both sides of `element`, which holds 城市大脑 as a text child. */
  function mountAround(element: Element): HTMLDivElement {
    const root = mount('<p>数字社会，</p>');
    element.append('城市大脑');
    root.firstElementChild!.append(element, '，浙农码');
    return root;
  }

  for (const tag of skipped) {
    it(`skips <${tag}>`, async () => {
      const element = document.createElement(tag);
      // An inert script: its text must stay text, not run.
      if (tag === 'script') element.setAttribute('type', 'text/plain');
      const root = mountAround(element);
      const outer = element.outerHTML;
      await annotateDone(root);
      expect(markup(root)).to.equal(`<p>${w('数字社会')}，${outer}，${w('浙农码')}</p>`);
    });
  }

  for (const [tag, namespace] of [
    ['svg', 'http://www.w3.org/2000/svg'],
    ['math', 'http://www.w3.org/1998/Math/MathML'],
  ]) {
    it(`skips <${tag}> and its descendants`, async () => {
      const element = document.createElementNS(namespace!, tag!);
      const child = document.createElementNS(namespace!, tag === 'svg' ? 'text' : 'mi');
      element.append(child);
      child.append('城市大脑');
      const root = mount('<p>数字社会，</p>');
      root.firstElementChild!.append(element, '，浙农码');
      const outer = element.outerHTML;
      await annotateDone(root);
      expect(markup(root)).to.equal(`<p>${w('数字社会')}，${outer}，${w('浙农码')}</p>`);
    });
  }

  it('skips the descendants of a link', async () => {
    const root = mount('<p>数字社会<a href="#x"><span>城市<b>大脑</b></span></a>浙农码</p>');
    await annotateDone(root);
    expect(markup(root)).to.equal(
      `<p>${w('数字社会')}<a href="#x"><span>城市<b>大脑</b></span></a>${w('浙农码')}</p>`,
    );
  });

  for (const value of ['', 'true', 'plaintext-only']) {
    it(`skips contenteditable="${value}"`, async () => {
      const root = mount(`<div contenteditable="${value}"><p>城市大脑</p></div><p>浙农码</p>`);
      await annotateDone(root);
      expect(markup(root)).to.equal(
        `<div contenteditable="${value}"><p>城市大脑</p></div><p>${w('浙农码')}</p>`,
      );
    });
  }

  it('annotates inside contenteditable="false"', async () => {
    const root = mount('<div contenteditable="false"><p>城市大脑</p></div>');
    await annotateDone(root);
    expect(markup(root)).to.equal(`<div contenteditable="false"><p>${w('城市大脑')}</p></div>`);
  });

  it('skips existing <dszd-term> elements (CMS markup) and does not wrap them again', async () => {
    const root = mount('<p><dszd-term term="城市大脑">城市大脑</dszd-term>和浙农码</p>');
    await annotateDone(root);
    expect(markup(root)).to.equal(`<p><dszd-term term="城市大脑">城市大脑</dszd-term>和${w('浙农码')}</p>`);
  });

  it('skips [data-dszd-skip]', async () => {
    const root = mount('<section data-dszd-skip=""><p>城市大脑</p></section><p>浙农码</p>');
    await annotateDone(root);
    expect(markup(root)).to.equal(
      `<section data-dszd-skip=""><p>城市大脑</p></section><p>${w('浙农码')}</p>`,
    );
  });

  it('ends the run at a skipped element: no match spans one', async () => {
    const root = mount('<p>数字<code>x</code>社会</p>');
    const before = root.innerHTML;
    await annotateDone(root);
    expect(root.innerHTML).to.equal(before);
  });

  it('skips every selector passed in exclude, with descendants', async () => {
    const root = mount(
      '<p class="nav">城市大脑</p><aside><p>浙农码</p></aside><p id="keep">安心码<span class="nav">浙里家</span></p>',
    );
    await annotateDone(root, { exclude: '.nav, aside' });
    expect(markup(root)).to.equal(
      `<p class="nav">城市大脑</p><aside><p>浙农码</p></aside><p id="keep">${w('安心码')}<span class="nav">浙里家</span></p>`,
    );
  });

  it('does not test the root itself against the rules', async () => {
    const root = mount('<p>城市大脑</p>');
    root.setAttribute('class', 'nav');
    await annotateDone(root, { exclude: '.nav' });
    expect(markup(root)).to.equal(`<p>${w('城市大脑')}</p>`);
  });
});
