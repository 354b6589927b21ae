import { expect } from '@open-wc/testing';
import { annotate, unannotate } from '../../../src/annotate/annotate';
import { annotateDone, markup, wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';

afterEach(unmountAll);

const PAGE =
  '<p>这是数字<span>社会</span>的定义，<b>城市</b>大脑与未来社区。</p><ul><li>浙农码<em>和</em>安心码</li></ul><p>数字社会</p>';

describe('annotate: idempotent', () => {
  for (const occurrence of ['first', 'all'] as const) {
    it(`annotating twice equals annotating once ("${occurrence}")`, async () => {
      const root = mount(PAGE);
      await annotateDone(root, { occurrence });
      const once = markup(root);
      const { result } = await annotateDone(root, { occurrence });
      expect(markup(root)).to.equal(once);
      expect(result.matches).to.equal(0);
    });
  }
});

describe('annotate: reversible', () => {
  it('remove() restores the DOM exactly (isEqualNode) and keeps the host text nodes', async () => {
    const root = mount(PAGE);
    const clone = root.cloneNode(true);
    const texts = textNodes(root);
    const { annotation } = await annotateDone(root, { occurrence: 'all' });
    expect(wrappedTexts(root)).to.have.length(8);
    annotation.remove();
    expect(root.isEqualNode(clone)).to.equal(true);
    expect(textNodes(root)).to.deep.equal(texts);
    expect(annotation.matches).to.equal(0);
  });

  it('merges text nodes back only where the annotator split them', async () => {
    const root = mount('<p></p>');
    const p = root.firstElementChild!;
    // The host's own adjacent text nodes: a match spans them, and they must stay two nodes.
    p.append(document.createTextNode('一个数字'), document.createTextNode('社会，一个城市大脑'));
    const clone = root.cloneNode(true);
    const { annotation } = await annotateDone(root);
    expect(wrappedTexts(root)).to.deep.equal(['数字', '社会', '城市大脑']);
    annotation.remove();
    expect(p.childNodes).to.have.length(2);
    expect(root.isEqualNode(clone)).to.equal(true);
  });

  it('remove() is safe twice and after the page changed', async () => {
    const root = mount(PAGE);
    const { annotation } = await annotateDone(root);
    root.querySelector('li')!.remove();
    annotation.remove();
    annotation.remove();
    expect(root.querySelectorAll('dszd-term')).to.have.length(0);
    expect(root.textContent).to.equal('这是数字社会的定义，城市大脑与未来社区。数字社会');
  });

  it('remove() right after annotate() stops the pass and restores the DOM', async () => {
    const root = mount(PAGE);
    const clone = root.cloneNode(true);
    const annotation = annotate(root, { occurrence: 'all' });
    annotation.remove();
    await annotation.done;
    expect(root.isEqualNode(clone)).to.equal(true);
  });

  it('unannotate(root) restores the DOM exactly and keeps pre-tagged markup', async () => {
    const root = mount(`${PAGE}<p><dszd-term term="城市大脑">城市大脑</dszd-term>之后</p>`);
    const clone = root.cloneNode(true);
    await annotateDone(root, { occurrence: 'all' });
    unannotate(root);
    expect(root.isEqualNode(clone)).to.equal(true);
    expect(root.querySelectorAll('dszd-term')).to.have.length(1);
  });

  it('unannotate(root) removes wrappers left by an earlier copy of the script and merges their text', async () => {
    const root = mount(
      '<p>这是<dszd-term term="数字社会" data-dszd-auto="">数字社会</dszd-term>的<b><dszd-term term="城市大脑" data-dszd-auto="" data-dszd-match="x">城市</dszd-term></b><dszd-term term="城市大脑" data-dszd-auto="" data-dszd-match="x">大脑</dszd-term>。</p>',
    );
    unannotate(root);
    expect(root.innerHTML).to.equal('<p>这是数字社会的<b>城市</b>大脑。</p>');
    const p = root.firstElementChild!;
    expect(Array.from(p.childNodes, (node) => node.textContent)).to.deep.equal([
      '这是数字社会的',
      '城市',
      '大脑。',
    ]);
  });

  it('a second annotate() on the same root takes over: remove() on it removes every wrapper', async () => {
    const root = mount(PAGE);
    const clone = root.cloneNode(true);
    const { annotation: first } = await annotateDone(root);
    root.append(Object.assign(document.createElement('p'), { textContent: '浙里好家政' }));
    const { annotation: second, result } = await annotateDone(root);
    expect(result.matches).to.equal(1);
    expect(first.matches).to.be.greaterThan(0);
    second.remove();
    root.lastElementChild!.remove();
    expect(root.isEqualNode(clone)).to.equal(true);
  });
});

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  while (walker.nextNode()) found.push(walker.currentNode as Text);
  return found;
}
