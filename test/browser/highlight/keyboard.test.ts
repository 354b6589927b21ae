import 'axe-core';
import { expect } from '@open-wc/testing';
import { a11ySnapshot, resetMouse, sendMouse } from '@web/test-runner-commands';
import type { Annotation } from '../../../src/annotate/annotate';
import { findSharedCard } from '../../../src/card/card-host';
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { highlight, highlightedTexts, indexHost, indexPart } from '../helpers/annotate';
import { expectNoViolations } from '../helpers/assert';
import { cardTerm, isCardOpen, resetPage } from '../helpers/card';
import { mount, unmountAll } from '../helpers/dom';
import { waitFor } from '../helpers/timing';
import { press } from '../helpers/pointer';

interface A11yNode {
  role: string;
  name: string;
  description?: string;
  expanded?: boolean;
  children?: A11yNode[];
}

let annotation: Annotation | undefined;
// Tab starts from the top of the page in every test: a click on the empty body sets where sequential focus starts.
beforeEach(async () => {
  await sendMouse({ type: 'click', position: [1, 1] });
  await resetMouse();
});
afterEach(async () => {
  annotation?.remove();
  annotation = undefined;
  await resetPage();
  unmountAll();
});

const PAGE =
  '<main><h1>页面</h1><p>这里讲城市大脑和数字社会。</p><p>没有名词的一段话。</p><p>再讲城市大脑，还有浙农码。</p>' +
  '<p><button type="button">页面自己的按钮</button></p></main>';

/** The focused element inside the control (or the page's). */
function focused(): Element | null {
  return indexHost()?.shadowRoot?.activeElement ?? document.activeElement;
}

function listTerms(): DszdTerm[] {
  return [...(indexHost()?.shadowRoot?.querySelectorAll<DszdTerm>('dszd-term') ?? [])];
}

describe('highlight mode: keyboard and screen readers', () => {
  it('the first Tab reaches a skip link "术语解释（N）", out of sight until then', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    const toggle = indexPart('.toggle')!;
    expect(toggle.getBoundingClientRect().width).to.be.at.most(1);
    await press('Tab');
    expect(focused() === toggle, 'the toggle has focus').to.equal(true);
    expect(toggle.textContent).to.equal('术语解释（3）');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getBoundingClientRect().width).to.be.above(40);
  });

  it('Enter opens the list of the terms found, in order; Tab reaches each, its card opens with the definition', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    await press('Tab');
    await press('Enter');
    expect(indexPart('.toggle')!.getAttribute('aria-expanded')).to.equal('true');
    expect(indexPart('.panel')!.hidden).to.equal(false);
    expect(listTerms().map((term) => term.textContent)).to.deep.equal(['城市大脑', '数字社会', '浙农码']);
    await press('Tab');
    expect(focused() === listTerms()[0], 'the first term has focus').to.equal(true);
    expect(await waitFor(isCardOpen)).to.equal(true);
    expect(cardTerm()).to.equal('城市大脑');
    await press('Tab');
    expect(await waitFor(() => cardTerm() === '数字社会' && isCardOpen())).to.equal(true);
  });

  it('↑/↓/Home/End move through the list', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    await press('Tab');
    await press('Enter');
    await press('Tab');
    await press('ArrowDown');
    expect(focused() === listTerms()[1]).to.equal(true);
    await press('End');
    expect(focused() === listTerms()[2]).to.equal(true);
    await press('ArrowUp');
    expect(focused() === listTerms()[1]).to.equal(true);
    await press('Home');
    expect(focused() === listTerms()[0]).to.equal(true);
  });

  it('Alt+↓ / Alt+↑ step through the matches in the text: marked, and their term focused with its card', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    await press('Tab');
    await press('Enter');
    await press('Tab');
    const steps: Array<[string, string]> = [];
    for (const key of ['Alt+ArrowDown', 'Alt+ArrowDown', 'Alt+ArrowDown', 'Alt+ArrowDown', 'Alt+ArrowUp']) {
      await press(key);
      await waitFor(isCardOpen);
      steps.push([highlightedTexts('dszd-term-current').join(), (focused() as DszdTerm).textContent ?? '']);
    }
    expect(steps).to.deep.equal([
      ['城市大脑', '城市大脑'],
      ['数字社会', '数字社会'],
      ['城市大脑', '城市大脑'],
      ['浙农码', '浙农码'],
      ['城市大脑', '城市大脑'],
    ]);
    const current = CSS.highlights.get('dszd-term-current')!;
    const range = [...current][0]!;
    // The third paragraph's match: the step went through the text, not through the list.
    expect(range.startContainer.parentElement === root.querySelectorAll('p')[2]).to.equal(true);
    expect(cardTerm()).to.equal('城市大脑');
  });

  it('Escape closes the card, then the list (focus back on the toggle, the mark gone)', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    await press('Tab');
    await press('Enter');
    await press('Tab');
    await press('Alt+ArrowDown');
    expect(await waitFor(isCardOpen)).to.equal(true);
    await press('Escape');
    expect(isCardOpen()).to.equal(false);
    expect(indexPart('.panel')!.hidden).to.equal(false);
    await press('Escape');
    expect(indexPart('.panel')!.hidden).to.equal(true);
    expect(focused() === indexPart('.toggle')).to.equal(true);
    expect(highlightedTexts('dszd-term-current')).to.deep.equal([]);
  });

  it('Enter on a term moves focus into its card; Tab past the card comes back to the list', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    await press('Tab');
    await press('Enter');
    await press('Tab');
    await press('Enter');
    expect(await waitFor(() => !!findSharedCard()?.shadowRoot?.activeElement)).to.equal(true);
    expect(indexPart('.panel')!.hidden).to.equal(false);
  });

  it('leaving the control with Tab closes the list and goes on into the page', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    await press('Tab');
    await press('Enter');
    for (let i = 0; i < 4; i++) await press('Tab');
    expect(indexPart('.panel')!.hidden).to.equal(true);
    expect(focused()?.textContent).to.equal('页面自己的按钮');
  });

  it('is announced sensibly: a collapsed button, then a labelled list of terms described by their definitions', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    await press('Tab');
    const before = (await a11ySnapshot({})) as unknown as A11yNode;
    const toggle = findNode(before, (node) => node.name === '术语解释（3）');
    expect(toggle?.role).to.equal('button');
    expect(toggle?.expanded ?? false).to.equal(false);
    await press('Enter');
    await press('Tab');
    const snapshot = (await a11ySnapshot({})) as unknown as A11yNode;
    const region = findNode(snapshot, (node) => node.role === 'region' && node.name === '本页术语解释');
    expect(region, 'a region named 本页术语解释').to.not.equal(undefined);
    const term = findNode(region!, (node) => node.role === 'button' && node.name === '城市大脑');
    const entry = definitionSet.entries.find((candidate) => candidate.term === '城市大脑')!;
    expect(term?.description).to.equal(entry.definition.join('\n'));
  });

  it('passes axe-core with the list open', async () => {
    const title = document.title;
    document.title = '数字社会';
    document.documentElement.lang = 'zh-CN';
    try {
      const root = mount(PAGE);
      annotation = await highlight(root);
      await press('Tab');
      await press('Enter');
      await expectNoViolations();
    } finally {
      document.title = title;
      document.documentElement.removeAttribute('lang');
    }
  });
});

function findNode(node: A11yNode, test: (node: A11yNode) => boolean): A11yNode | undefined {
  if (test(node)) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}
