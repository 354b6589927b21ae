import { expect } from '@open-wc/testing';
import { annotateDone, wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';

afterEach(unmountAll);

describe('annotate: occurrence', () => {
  it('"first" is the default: each entry once per root, in document order', async () => {
    const root = mount('<p>数字社会、城市大脑</p><p>数字社会和<b>城市</b>大脑，浙农码</p>');
    const { result } = await annotateDone(root);
    expect(wrappedTexts(root)).to.deep.equal(['数字社会', '城市大脑', '浙农码']);
    expect(root.querySelectorAll('p')[0]!.querySelectorAll('dszd-term')).to.have.length(2);
    expect(result.matches).to.equal(3);
  });

  it('"first" counts aliases and the term as one entry', async () => {
    const root = mount('<p>总对总服务</p><p>“总对总”服务</p>');
    await annotateDone(root);
    expect(wrappedTexts(root)).to.deep.equal(['总对总服务']);
  });

  it('"all" wraps every occurrence', async () => {
    const root = mount('<p>数字社会、城市大脑</p><p>数字社会和<b>城市</b>大脑，数字社会</p>');
    const { result } = await annotateDone(root, { occurrence: 'all' });
    expect(wrappedTexts(root)).to.deep.equal([
      '数字社会',
      '城市大脑',
      '数字社会',
      '城市',
      '大脑',
      '数字社会',
    ]);
    expect(result.matches).to.equal(5);
  });

  it('"first" counts <dszd-term> elements already under the root, wherever they are', async () => {
    const root = mount(
      '<p>数字社会和城市大脑</p><p>后文：<dszd-term term="数字社会">数字社会</dszd-term><a href="#"><dszd-term term="总对总服务">总对总服务</dszd-term></a></p><p>“总对总”服务</p>',
    );
    await annotateDone(root);
    expect(wrappedTexts(root)).to.deep.equal(['城市大脑']);
  });

  it('"first" counts a pre-tagged <dszd-term> without a term attribute by its own text', async () => {
    const root = mount('<p><dszd-term>城市大脑</dszd-term>，城市大脑与数字社会</p>');
    await annotateDone(root);
    expect(wrappedTexts(root)).to.deep.equal(['数字社会']);
  });

  it('"all" wraps next to pre-tagged terms without touching them', async () => {
    const root = mount('<p><dszd-term term="数字社会">数字社会</dszd-term>与数字社会</p>');
    await annotateDone(root, { occurrence: 'all' });
    expect(root.querySelectorAll('dszd-term')).to.have.length(2);
    expect(root.querySelector('dszd-term:not([data-dszd-auto])')!.textContent).to.equal('数字社会');
    expect(wrappedTexts(root)).to.deep.equal(['数字社会']);
  });

  it('"first" is per root', async () => {
    const one = mount('<p>数字社会，数字社会</p>');
    const two = mount('<p>数字社会</p>');
    await annotateDone(one);
    await annotateDone(two);
    expect(wrappedTexts(one)).to.deep.equal(['数字社会']);
    expect(wrappedTexts(two)).to.deep.equal(['数字社会']);
  });

  it('a split match counts as one occurrence', async () => {
    const root = mount('<p>数<b>字</b>社会，数字社会</p>');
    const { result } = await annotateDone(root);
    expect(wrappedTexts(root)).to.deep.equal(['数', '字', '社会']);
    expect(result.matches).to.equal(1);
  });
});
