// The drop-in script on a page in GBK (many older government sites), its scripts served without a charset as many
// servers do: the browser decodes them in the page's encoding, so every stage and entry file must be ASCII.
import { expect } from '@open-wc/testing';
import { closeFixtures, NO_LOG, openFixture, waitForOpenCard } from '../helpers/fixture';
import { waitForValue } from '../helpers/timing';
import { touchTap } from '../helpers/pointer';
import type { DszdTerm } from '../../../src/term/dszd-term';

describe('dszd-term.iife.js on a page in GBK', () => {
  afterEach(closeFixtures);

  it('marks the term and shows its card with the definition, the unit and the labels as written', async () => {
    const page = await openFixture('gbk');
    expect(page.doc.characterSet).to.equal('GBK');
    const term = await waitForValue(() => page.doc.querySelector<DszdTerm>('#first dszd-term'), 'the term');
    expect(term.textContent).to.equal('数字社会');
    await waitForValue(() => term.shadowRoot?.querySelector('[part~="term"]'), 'the term to render');
    touchTap(term);
    const card = await waitForOpenCard(page);
    const entry = term.entry!;
    expect(card.querySelector('[part~="term-title"]')!.textContent).to.equal('数字社会');
    expect(card.querySelector('[part~="definition"]')!.textContent!.replace(/\s+/g, '')).to.equal(
      `定义：${entry.definition.join('')}`,
    );
    expect(card.querySelector('[part~="unit"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(
      new RegExp(`^解释单位：${entry.unit}`),
    );
    // the checks above compare with the entry's texts as the page decoded them: these are the notice's own
    expect(entry.unit).to.equal('省发展改革委');
    expect(entry.definition.join('')).to.match(/^数字社会是/);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });
});

describe('dszd-glossary.iife.js on a page in GBK', () => {
  afterEach(closeFixtures);

  it('renders every entry with its term, definition and unit as written', async () => {
    const page = await openFixture('gbk-glossary');
    expect(page.doc.characterSet).to.equal('GBK');
    const glossary = await waitForValue(() => page.doc.querySelector('dszd-glossary'), 'the glossary');
    const entries = await waitForValue(() => {
      const found = glossary.shadowRoot?.querySelectorAll('[part~="entry"]');
      return found?.length ? [...found] : undefined;
    }, 'the entries');
    expect(entries).to.have.length(45);
    const first = entries[0]!;
    expect(first.querySelector('[part~="term"]')!.textContent).to.contain('数字社会');
    expect(first.querySelector('[part~="definition"]')!.textContent).to.match(/^数字社会是/);
    expect(first.querySelector('[part~="unit"]')!.textContent!.replace(/\s+/g, '')).to.equal(
      '解释单位：省发展改革委（浙江省发展和改革委员会）',
    );
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });
});
