// The glossary as a guide: related entries linked to their anchors, units in full and as a filter, copying.
import 'axe-core';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import type { DszdGlossary } from '../../../src/glossary/dszd-glossary';
import '../../../src/glossary/define-glossary';
import { sleep } from '../helpers/timing';
import { centreOf } from '../helpers/pointer';

async function renderedGlossary(attributes = ''): Promise<DszdGlossary> {
  const glossary = await fixture<DszdGlossary>(html`<dszd-glossary></dszd-glossary>`);
  if (attributes) glossary.setAttribute('unit', attributes);
  await glossary.updateComplete;
  return glossary;
}

const root = (glossary: DszdGlossary) => glossary.shadowRoot!;
const article = (glossary: DszdGlossary, serial: number) =>
  root(glossary).querySelector<HTMLElement>(`article[data-serial="${serial}"]`)!;
const visibleSerials = (glossary: DszdGlossary) =>
  [...root(glossary).querySelectorAll<HTMLElement>('article')]
    .filter((entry) => !entry.hidden)
    .map((entry) => Number(entry.dataset.serial));
const select = (glossary: DszdGlossary) => root(glossary).querySelector('select')!;

afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  window.scrollTo(0, 0);
});

describe('<dszd-glossary>: related entries', () => {
  it('links each related entry at its first mention and in a 相关名词 line, to its anchor on this page', async () => {
    const glossary = await renderedGlossary();
    const entry = article(glossary, 23);
    const inText = [...entry.querySelectorAll('p.definition a')];
    expect(inText.map((a) => [a.textContent, a.getAttribute('href')!.split('#')[1]])).to.deep.equal([
      ['城市大脑', 'dszd-entry-4'],
      ['未来社区', 'dszd-entry-6'],
      ['未来乡村', 'dszd-entry-7'],
    ]);
    expect(inText[0]!.getAttribute('href')!.split('#')[0]).to.equal(location.href.split('#')[0]);
    const line = entry.querySelector('[part~="related"]')!;
    expect(line.textContent!.replace(/\s+/g, '')).to.equal('相关名词：城市大脑、未来社区、未来乡村');
    // The paragraph still reads exactly as printed.
    expect(entry.querySelector('p.definition')!.textContent).to.equal(
      definitionSet.entries[22]!.definition[0],
    );
    expect(article(glossary, 4).querySelector('[part~="related"]')).to.equal(null);
  });

  it('following a link shows, scrolls to and focuses the related entry', async () => {
    const glossary = await renderedGlossary();
    const link = article(glossary, 25).querySelector<HTMLAnchorElement>('p.definition a')!;
    expect(link.textContent).to.equal('救助大脑');
    link.scrollIntoView({ block: 'center' });
    const changed = oneEvent(window, 'hashchange');
    await sendMouse({ type: 'click', position: centreOf(link) });
    await changed;
    await waitUntil(() => root(glossary).activeElement?.id === 'term-24', 'the related entry is focused');

    expect(location.hash).to.equal('#dszd-entry-24');
    expect(root(glossary).activeElement?.id).to.equal('term-24');
  });
});

describe('<dszd-glossary>: units', () => {
  it('prints the unit as printed with its full name beside it', async () => {
    const glossary = await renderedGlossary();
    const unit = article(glossary, 18).querySelector('[part~="unit"]')!;
    expect(unit.textContent!.replace(/\s+/g, '')).to.equal(
      '解释单位：省人社保厅（浙江省人力资源和社会保障厅）',
    );
  });

  it("lists only one unit's entries through the unit attribute, and the select shows it", async () => {
    const glossary = await renderedGlossary('省民政厅');
    const expected = definitionSet.entries.filter((e) => e.unit === '省民政厅').map((e) => e.serial);
    expect(expected).to.deep.equal([11, 17, 23, 24, 25]);
    expect(visibleSerials(glossary)).to.deep.equal(expected);
    expect(select(glossary).value).to.equal('省民政厅');
    expect(root(glossary).querySelector('#count')!.textContent!.trim()).to.equal('5 条');
  });

  it('filters from the select by keyboard, reflected in the attribute, and back to every unit', async () => {
    const glossary = await renderedGlossary();
    const options = [...select(glossary).options].map((option) => option.textContent!.trim());
    expect(options[0]).to.equal('全部单位');
    expect(options).to.include('省发展改革委（浙江省发展和改革委员会）');
    expect(options).to.have.length(1 + new Set(definitionSet.entries.map((e) => e.unit)).size);

    select(glossary).focus();
    await sendKeys({ press: 'ArrowDown' });
    await glossary.updateComplete;
    expect(glossary.getAttribute('unit')).to.equal('省发展改革委');
    expect(visibleSerials(glossary)).to.deep.equal(
      definitionSet.entries.filter((e) => e.unit === '省发展改革委').map((e) => e.serial),
    );

    glossary.removeAttribute('unit');
    await glossary.updateComplete;
    expect(visibleSerials(glossary)).to.have.length(45);
    expect(select(glossary).value).to.equal('');
  });

  it('combines with the search, and a link to an entry of another unit clears the filter', async () => {
    const glossary = await renderedGlossary('省民政厅');
    glossary.query = '大脑';
    await glossary.updateComplete;
    expect(visibleSerials(glossary)).to.deep.equal([23, 24, 25]);

    const changed = oneEvent(window, 'hashchange');
    location.hash = '#dszd-entry-4';
    await changed;
    await waitUntil(() => root(glossary).activeElement?.id === 'term-4', 'the linked entry is focused');
    expect(glossary.unit).to.equal('');
    expect(visibleSerials(glossary)).to.include(4);
  });
});

describe('<dszd-glossary>: copy', () => {
  let written: string[] = [];
  beforeEach(() => {
    written = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
  });
  afterEach(() => {
    delete (navigator as unknown as { clipboard?: unknown }).clipboard;
  });

  it('copies the cited definition of an entry and confirms it beside the button', async () => {
    const glossary = await renderedGlossary();
    const entry = article(glossary, 24);
    const button = entry.querySelector<HTMLButtonElement>('[part~="copy-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await glossary.updateComplete;
    await sleep(0);
    await glossary.updateComplete;

    expect(written).to.deep.equal([
      [
        '救助大脑',
        '救助大脑是基于省一体化智能化公共数据平台，围绕社会救助领域，综合集成算力、数据、算法、模型、智能模块等数字资源，形成以数据计算分析、知识集成运用、逻辑推理判断为核心，支撑智慧救助高效运行的“控制调度中枢”。',
        '解释单位：浙江省民政厅',
        '来源：《数字社会定义集（6.0版）》，浙江省发展和改革委员会，2022-04-12',
      ].join('\n'),
    ]);
    const status = entry.querySelector('[part~="copy-status"]')!;
    expect(status.textContent).to.equal('已复制定义及来源');
    expect(status.checkVisibility()).to.equal(true);
    // Announced once, by the glossary's one copy status region.
    expect(root(glossary).querySelector('#copy-status[role="status"]')!.textContent!.trim()).to.equal(
      '已复制定义及来源',
    );
  });

  it('passes axe-core filtered by unit, with a copy confirmed', async () => {
    const glossary = await renderedGlossary('省教育厅');
    article(glossary, 8).querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
    await sleep(0);
    await glossary.updateComplete;
    const { violations } = await (
      window as unknown as { axe: { run(node: Node): Promise<{ violations: Array<{ id: string }> }> } }
    ).axe.run(glossary);
    expect(violations.map((v) => v.id)).to.deep.equal([]);
  });
});
