import { expect } from '@open-wc/testing';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { annotateDone, nextAnnotate, wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';
import { frames } from '../helpers/timing';

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  unmountAll();
});

/** A host element with a shadow root holding `html`, inside a paragraph of light text. */
function mountHost(
  html: string,
  mode: ShadowRootMode = 'open',
): { root: HTMLDivElement; shadow: ShadowRoot } {
  const root = mount('<p>浙农码<span class="host">安心码</span></p>');
  const host = root.querySelector('.host')!;
  const shadow = host.attachShadow({ mode });
  shadow.innerHTML = html;
  return { root, shadow };
}

describe('annotate: shadow roots', () => {
  it('annotates inside open shadow roots under the root; the slotted light text too', async () => {
    const { root, shadow } = mountHost('<p>城市<b>大脑</b></p><slot></slot>');
    const { result } = await annotateDone(root);
    expect(wrappedTexts(root)).to.deep.equal(['浙农码', '安心码']);
    expect(wrappedTexts(shadow)).to.deep.equal(['城市', '大脑']);
    expect(result.matches).to.equal(3);
  });

  it('leaves shadow roots alone with shadow: false', async () => {
    const { root, shadow } = mountHost('<p>城市大脑</p><slot></slot>');
    await annotateDone(root, { shadow: false });
    expect(wrappedTexts(root)).to.deep.equal(['浙农码', '安心码']);
    expect(shadow.innerHTML).to.equal('<p>城市大脑</p><slot></slot>');
  });

  it('cannot reach closed shadow roots', async () => {
    const { root, shadow } = mountHost('<p>城市大脑</p>', 'closed');
    await annotateDone(root);
    expect(shadow.innerHTML).to.equal('<p>城市大脑</p>');
  });

  it('a shadow host ends the run of the light text around it', async () => {
    const root = mount('<p>数字<span class="host"></span>社会</p>');
    root.querySelector('.host')!.attachShadow({ mode: 'open' }).innerHTML = '<slot></slot>';
    await annotateDone(root);
    expect(wrappedTexts(root)).to.deep.equal([]);
  });

  it('remove() restores the shadow trees exactly', async () => {
    const { root, shadow } = mountHost('<p>城市<b>大脑</b>和数字社会</p>');
    // Shadow roots cannot be cloned: compare their children.
    const clones = Array.from(shadow.childNodes, (child) => child.cloneNode(true));
    const lightClone = root.cloneNode(true);
    const { annotation: done } = await annotateDone(root, { occurrence: 'all' });
    expect(wrappedTexts(shadow)).to.have.length(3);
    done.remove();
    expect(shadow.childNodes).to.have.length(clones.length);
    clones.forEach((clone, i) => expect(shadow.childNodes[i]!.isEqualNode(clone)).to.equal(true));
    expect(root.isEqualNode(lightClone)).to.equal(true);
  });

  it('"first" counts terms in shadow roots after the light tree', async () => {
    const { root, shadow } = mountHost('<p>浙农码、城市大脑</p>');
    await annotateDone(root);
    expect(wrappedTexts(root)).to.deep.equal(['浙农码', '安心码']);
    expect(wrappedTexts(shadow)).to.deep.equal(['城市大脑']);
  });

  it('live: annotates content added inside a shadow root', async () => {
    const { root, shadow } = mountHost('<p>开头</p>');
    annotation = annotate(root, { observe: true });
    await annotation.done;
    const batch = nextAnnotate(root);
    shadow.append(Object.assign(document.createElement('p'), { textContent: '城市大脑' }));
    await batch;
    expect(wrappedTexts(shadow)).to.deep.equal(['城市大脑']);
  });

  it('live with shadow: false ignores shadow content', async () => {
    const { root, shadow } = mountHost('<p>开头</p>');
    annotation = annotate(root, { observe: true, shadow: false });
    await annotation.done;
    shadow.append(Object.assign(document.createElement('p'), { textContent: '城市大脑' }));
    await frames(4);
    expect(wrappedTexts(shadow)).to.deep.equal([]);
  });

  it('annotates a shadow root passed as the root', async () => {
    const { shadow } = mountHost('<p>城市大脑</p>');
    await annotateDone(shadow);
    expect(wrappedTexts(shadow)).to.deep.equal(['城市大脑']);
  });
});
