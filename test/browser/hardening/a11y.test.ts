import 'axe-core';
import '../../../src/define';
import { expect } from '@open-wc/testing';
import type { Annotation } from '../../../src/annotate/annotate';
import { A11Y_SKIPPED_FRAGMENTS as FRAGMENTS } from '../../shared/a11y-skip-fragments';
import { annotateDone, wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }>;
}
interface Axe {
  run(context: Node, options?: object): Promise<AxeResult>;
}

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  unmountAll();
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
