import 'axe-core';
import '../../../src/define';
import { expect } from '@open-wc/testing';
import { annotateDone, mount, wrappedTexts } from '../annotate/helpers';
import type { Annotation } from '../../../src/annotate/annotate';

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }>;
}
interface Axe {
  run(context: Node, options?: object): Promise<AxeResult>;
}

const ROLES = [
  'button',
  'link',
  'tab',
  'option',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'treeitem',
  'switch',
  'checkbox',
  'radio',
];

// Same table as test/node/html/annotate-html.test.ts: the browser and the tagger share the rules.
const FRAGMENTS = [
  '<span aria-hidden="true">数字社会<b>城市大脑</b></span>',
  '<div inert="">数字社会</div>',
  '<details><summary>数字社会</summary></details>',
  '<label>数字社会 <input></label>',
  ...ROLES.map((role) => `<div role="${role}" tabindex="0">数字社会<span>城市大脑</span></div>`),
];

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  document.querySelectorAll('body > div').forEach((element) => element.remove());
});

describe('hardening: where terms are placed (accessibility)', () => {
  for (const fragment of FRAGMENTS) {
    it(`leaves ${fragment} alone, and annotates the text beside it`, async () => {
      const root = mount(`<p>浙农码</p>${fragment}`);
      ({ annotation } = await annotateDone(root, { occurrence: 'all' }));
      expect(wrappedTexts(root)).to.deep.equal(['浙农码']);
    });
  }

  it('annotates aria-hidden="false" and roles that are not controls', async () => {
    const root = mount('<span aria-hidden="false">数字社会</span><div role="note">城市大脑</div>');
    ({ annotation } = await annotateDone(root, { occurrence: 'all' }));
    expect(wrappedTexts(root)).to.deep.equal(['数字社会', '城市大脑']);
  });

  it('axe finds no aria-hidden-focus and no nested-interactive on an annotated page with such elements', async () => {
    const root = mount(
      `<main><p>推进数字社会建设。</p>${FRAGMENTS.map((fragment) => `<div>${fragment}</div>`).join('')}</main>`,
    );
    ({ annotation } = await annotateDone(root, { occurrence: 'all' }));
    const { violations } = await (window as unknown as { axe: Axe }).axe.run(root, {
      runOnly: ['aria-hidden-focus', 'nested-interactive'],
      resultTypes: ['violations'],
    });
    expect(violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).to.deep.equal(
      [],
    );
    // The page's own text is annotated: the check above is about where, not whether.
    expect(wrappedTexts(root)).to.deep.equal(['数字社会']);
  });
});
