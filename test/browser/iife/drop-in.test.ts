// The built drop-in script (dist/dszd-term.iife.js) on a plain HTML page with no bundler: the script tag alone
// annotates the body after DOMContentLoaded, live, with a working card, and exposes window.dszdTerm.
import { expect } from '@open-wc/testing';
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import { VERSION } from '../../../src/version';
import { cardPart } from '../helpers/card';
import {
  closeFixtures,
  type Fixture,
  hoverCard,
  NO_LOG,
  openFixture,
  termTexts,
  waitForAnnotation,
} from '../helpers/fixture';
import { waitForValue } from '../helpers/timing';

describe('dszd-term.iife.js with no options', () => {
  let page: Fixture;

  beforeEach(async () => {
    page = await openFixture('basic');
    await waitForAnnotation(page);
  });
  afterEach(closeFixtures);

  it('annotates the first occurrence of each term in the body, nothing in links or headings', () => {
    const { doc } = page;
    expect(termTexts(doc.body)).to.deep.equal(['数字社会', '未来社区', '城市大脑', '浙里急救']);
    expect(termTexts(doc.getElementById('first')!)).to.deep.equal(['数字社会', '未来社区', '城市大脑']);
    expect(termTexts(doc.getElementById('card-para')!)).to.deep.equal(['浙里急救']);
    expect(doc.querySelectorAll('a dszd-term, h1 dszd-term, h2 dszd-term').length).to.equal(0);
    expect(
      [...doc.querySelectorAll('dszd-term')].map((term) => term.getAttribute('data-dszd-auto')),
    ).to.deep.equal(['', '', '', '']);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('keeps the text of the page as it was', () => {
    expect(page.doc.body.textContent).to.equal(page.originalText);
  });

  it('exposes window.dszdTerm: version, the 6.0 set, findTerms, annotate, unannotate, configureTerms', () => {
    const api = page.win.dszdTerm!;
    expect(Object.keys(api).sort()).to.deep.equal([
      'annotate',
      'annotation',
      'configureTerms',
      'definitionSet',
      'findTerms',
      'unannotate',
      'version',
    ]);
    expect(api.version).to.equal(VERSION);
    expect(api.definitionSet.title).to.equal('数字社会定义集');
    expect(api.definitionSet.version).to.equal('6.0');
    expect(api.definitionSet.entries.length).to.equal(45);
    // the first stage carries the names (spelt in ASCII, src/text/cjk-ascii.ts): each exactly as shipped
    const { entries, ...meta } = definitionSet;
    const { entries: loaded, ...loadedMeta } = api.definitionSet;
    expect(loadedMeta).to.deep.equal(meta);
    expect(loaded.map(({ serial, term, aliases }) => ({ serial, term, aliases }))).to.deep.equal(
      entries.map(({ serial, term, aliases }) => ({ serial, term, aliases })),
    );
    // and the traditional forms of their characters (the folds) as the shipped matcher has them
    expect(api.findTerms('數字社會 城市大腦 浙裡急救').map((match) => match.term)).to.deep.equal([
      '数字社会',
      '城市大脑',
      '浙里急救',
    ]);
    expect(api.findTerms('推进数字社会建设')).to.deep.equal([
      { start: 2, end: 6, term: '数字社会', serial: 1 },
    ]);
    expect(typeof api.annotate).to.equal('function');
    expect(typeof api.unannotate).to.equal('function');
    expect(typeof api.configureTerms).to.equal('function');
  });

  it('adds no global but window.dszdTerm (and, with the card stage, those lit keeps on every page it runs in)', async () => {
    const blank = document.createElement('iframe');
    document.body.append(blank);
    const own = new Set(Object.keys(blank.contentWindow!));
    blank.remove();
    const added = () =>
      Object.keys(page.win)
        .filter((key) => !own.has(key))
        .sort();
    const cardStage = () => page.doc.querySelector('script[src$="dszd-term.card.js"]');
    if (!cardStage()) expect(added()).to.deep.equal(['__dszdTestLog', 'dszdTerm']);
    // the card stage comes once the page is idle
    await waitForValue(() => 'litHtmlVersions' in page.win, 'the card stage');
    expect(cardStage()).to.not.equal(null);
    expect(added()).to.deep.equal([
      '__dszdTestLog',
      'dszdTerm',
      'litElementVersions',
      'litHtmlVersions',
      'litPropertyMetadata',
      'reactiveElementVersions',
    ]);
  });

  it('opens the card on hover, with the definition as text and Chinese labels', async () => {
    const term = page.doc.querySelector('#first dszd-term')!;
    const card = await hoverCard(page, term);
    const entry = page.win.dszdTerm!.definitionSet.entries[0]!;
    expect(cardPart('term-title', card)!.textContent).to.equal('数字社会');
    expect(cardPart('definition', card)!.textContent!.replace(/\s+/g, '')).to.equal(
      `定义：${entry.definition.join('')}`,
    );
    // The unit as printed, the 全称 toggle, the full name it shows.
    expect(cardPart('unit', card)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `解释单位：${entry.unit} 全称 ${entry.unitName}`,
    );
    expect(cardPart('close-button', card)!.getAttribute('aria-label')).to.equal('关闭');
    expect(cardPart('glossary-link', card)).to.equal(null);
    expect(term.shadowRoot!.querySelector('[part~="term"]')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('annotates content the page adds later (live)', async () => {
    const late = page.doc.createElement('p');
    late.id = 'late';
    late.textContent = '浙里急救和智慧养老都已上线。';
    page.doc.body.append(late);
    await waitForValue(() => late.querySelector('dszd-term'), 'the added paragraph to be annotated');
    // 浙里急救 was shown already; 智慧养老 (an alias of entry 23) was only inside a link
    expect(termTexts(late)).to.deep.equal(['智慧养老']);
    expect(late.querySelector('dszd-term')!.getAttribute('term')).to.equal('养老大脑+智慧养老');
  });

  it('unannotate() gives the page its body back exactly', () => {
    page.win.dszdTerm!.unannotate(page.doc.body);
    expect(page.doc.querySelectorAll('dszd-term').length).to.equal(0);
    expect(page.doc.body.innerHTML).to.equal(page.originalBody);
  });
});
