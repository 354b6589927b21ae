import { expect } from '@open-wc/testing';
import { annotateDone, markup } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';

afterEach(unmountAll);

describe('annotate: a page in traditional characters', () => {
  it('wraps 數字鄉村, 未來鄉村 and 城市大腦 as written, each naming the official simplified term', async () => {
    const root = mount('<p>香港報道：浙江以數字鄉村建設推動<b>未來</b>鄉村落地，城市大腦提供支撐。</p>');
    const { result } = await annotateDone(root);
    const terms = [...root.querySelectorAll('dszd-term')].map((term) => [
      term.getAttribute('term'),
      term.textContent,
    ]);
    expect(terms).to.deep.equal([
      ['数字乡村', '數字鄉村'],
      ['未来乡村', '未來'],
      ['未来乡村', '鄉村'],
      ['城市大脑', '城市大腦'],
    ]);
    expect(result.matches).to.equal(3);
    expect(root.textContent).to.equal('香港報道：浙江以數字鄉村建設推動未來鄉村落地，城市大腦提供支撐。');
    expect(markup(root)).to.contain('<b><dszd-term term="未来乡村"');
  });
});
