// A department's own set in the ES module build: annotate(root, { set }) reaches the elements it creates (and the
// card they open), and configureTerms({ sets }) reaches <dszd-glossary>.
import { expect, fixture, html } from '@open-wc/testing';
import { annotate } from '../../../src/annotate/annotate';
import { configureTerms } from '../../../src/config/terms-config';
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import type { DefinitionSet } from '../../../src/definitions/types';
import type { DszdGlossary } from '../../../src/glossary/dszd-glossary';
import '../../../src/glossary/define-glossary';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { cardPart, isCardOpen, resetPage } from '../helpers/card';
import { waitForValue } from '../helpers/timing';
import { warningsDuring } from '../helpers/console';

const department: DefinitionSet = {
  title: '测试部门定义集',
  version: '1.0',
  issuer: '测试部门',
  date: '2025-03-01',
  entries: [
    {
      serial: 1,
      term: '一网通办',
      aliases: [],
      definition: ['测试定义：一网通办是一个入口办成事。'],
      notes: [],
      unit: '测试部门',
      related: [],
    },
    {
      serial: 2,
      term: '免证办',
      aliases: [],
      definition: ['测试定义：免证办是不交证照原件。'],
      notes: [],
      unit: '测试部门',
      related: [1],
    },
  ],
};

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('a department’s own set', () => {
  afterEach(resetPage);

  it('annotate(root, { set }): its terms open the card with that set’s definition and source line, also after healing', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        <p>推进一网通办和数字社会。</p>
        <p id="later">扩大范围。</p>
      </div>`,
    );
    const warnings = await warningsDuring(async () => {
      const annotation = annotate(root, { set: department, observe: true });
      await annotation.done;
      const term = root.querySelector<DszdTerm>('dszd-term')!;
      expect([...root.querySelectorAll('dszd-term')].map((element) => element.textContent)).to.deep.equal([
        '一网通办',
      ]);
      expect(term.entry?.definition).to.deep.equal(department.entries[0]!.definition);
      await term.show();
      await waitForValue(isCardOpen, 'the card', 10_000);
      expect(text(cardPart('definition'))).to.equal('定义：测试定义：一网通办是一个入口办成事。');
      expect(text(cardPart('source'))).to.equal('来源：测试部门定义集（1.0版） · 测试部门 · 2025-03-01');
      // the page rewrites a paragraph: the new wrapper resolves in the same set
      root.querySelector('#later')!.textContent = '推进免证办。';
      await waitForValue(() => root.querySelector('#later dszd-term') !== null, 'the new term', 10_000);
      const healed = root.querySelector<DszdTerm>('#later dszd-term')!;
      expect(healed.entry?.definition).to.deep.equal(department.entries[1]!.definition);
      annotation.remove();
      expect(root.querySelectorAll('dszd-term')).to.have.length(0);
      expect(root.textContent!.replace(/\s+/g, '')).to.equal('推进一网通办和数字社会。推进免证办。');
    });
    expect(warnings).to.deep.equal([]);
  });

  it('configureTerms({ sets }) reaches <dszd-glossary>: the combined set, each entry naming its set', async () => {
    const glossary = await fixture<DszdGlossary>(html`<dszd-glossary></dszd-glossary>`);
    await glossary.updateComplete;
    const shadow = glossary.shadowRoot!;
    expect(shadow.querySelectorAll('article')).to.have.length(definitionSet.entries.length);
    await configureTerms({ sets: [department] });
    await glossary.updateComplete;
    const articles = [...shadow.querySelectorAll<HTMLElement>('article')];
    expect(articles).to.have.length(definitionSet.entries.length + 2);
    const own = articles.find((article) => article.textContent!.includes('测试定义：免证办'))!;
    expect(text(own.querySelector('[part~="entry-source"]'))).to.equal(
      '来源：测试部门定义集（1.0版） · 测试部门 · 2025-03-01',
    );
    // its related term, 一网通办, links to that set's entry, numbered after the shipped set
    const link = own.querySelector<HTMLAnchorElement>('[part~="related-link"]')!;
    expect(link.textContent).to.equal('一网通办');
    const shipped = articles.find((article) => article.dataset.serial === '1')!;
    expect(text(shipped.querySelector('[part~="entry-source"]'))).to.equal(
      '来源：数字社会定义集（6.0版） · 浙江省发展和改革委员会 · 2022-04-12',
    );
    expect(text(shadow.querySelector('[part~="source"]'))).to.equal(
      '测试部门定义集（1.0版） · 测试部门 · 2025-03-01数字社会定义集（6.0版） · 浙江省发展和改革委员会 · 2022-04-12',
    );
    // the anchors the card links to follow the listed set
    const ownSerial = Number(own.dataset.serial);
    expect(ownSerial).to.be.greaterThan(definitionSet.entries.length);
    expect(glossary.querySelector(`#dszd-entry-${ownSerial}`)).to.not.equal(null);
  });
});
