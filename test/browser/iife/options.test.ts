// The drop-in script's data attributes, each on its own plain HTML page: data-occurrence, data-exclude, data-root,
// data-lang, data-glossary-url and data-auto.
import { expect } from '@open-wc/testing';
import { cardPart } from '../helpers/card';
import {
  closeFixtures,
  hoverCard,
  NO_LOG,
  openFixture,
  termTexts,
  waitForAnnotation,
} from '../helpers/fixture';
import { waitForValue } from '../helpers/timing';
import { appendParagraph } from '../helpers/dom';

describe('dszd-term.iife.js data attributes', () => {
  afterEach(closeFixtures);

  it('data-occurrence="all" wraps every occurrence; data-exclude leaves the excluded elements alone', async () => {
    const page = await openFixture('all-exclude');
    await waitForAnnotation(page);
    const { doc } = page;
    expect(termTexts(doc.getElementById('repeat')!)).to.deep.equal(['数字社会', '数字社会', '数字社会']);
    expect(termTexts(doc.getElementById('excluded')!)).to.deep.equal([]);
    expect(termTexts(doc.getElementById('aside')!)).to.deep.equal([]);
    expect(termTexts(doc.getElementById('after')!)).to.deep.equal(['未来社区', '数字社会']);
    expect(termTexts(doc.body)).to.have.length(5);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);

    // the card works for a repeated term too
    const card = await hoverCard(page, doc.querySelectorAll('#repeat dszd-term')[2]!);
    expect(cardPart('term-title', card)!.textContent).to.equal('数字社会');
  });

  it('data-exclude also holds for content added later', async () => {
    const page = await openFixture('all-exclude');
    await waitForAnnotation(page);
    const { doc } = page;
    const excluded = appendParagraph(doc.querySelector('.no-terms')!, '城市大脑');
    const shown = appendParagraph(doc.body, '城市大脑');
    await waitForValue(() => shown.querySelector('dszd-term'), 'the added paragraph to be annotated');
    expect(termTexts(excluded)).to.deep.equal([]);
    expect(termTexts(shown)).to.deep.equal(['城市大脑']);
  });

  it('data-root annotates that element only, live too', async () => {
    const page = await openFixture('root');
    await waitForAnnotation(page);
    const { doc } = page;
    expect(termTexts(doc.body)).to.deep.equal(['数字社会', '未来社区']);
    expect(termTexts(doc.getElementById('inside')!)).to.deep.equal(['数字社会', '未来社区']);
    expect(page.win.dszdTerm!.annotation!.root).to.equal(doc.getElementById('article'));

    const outside = appendParagraph(doc.querySelector('footer')!, '浙里急救');
    const inside = appendParagraph(doc.getElementById('article')!, '浙里急救');
    await waitForValue(
      () => inside.querySelector('dszd-term'),
      'the paragraph added inside the root to be annotated',
    );
    expect(termTexts(outside)).to.deep.equal([]);
    expect(termTexts(doc.getElementById('before')!)).to.deep.equal([]);
    expect(termTexts(doc.getElementById('after')!)).to.deep.equal([]);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('data-lang="en" gives English labels; data-glossary-url links the entry', async () => {
    const page = await openFixture('lang-glossary');
    await waitForAnnotation(page);
    const term = page.doc.querySelector('#text dszd-term')!;
    const card = await hoverCard(page, term);
    expect(cardPart('close-button', card)!.getAttribute('aria-label')).to.equal('Close');
    const { unit, unitName } = page.win.dszdTerm!.definitionSet.entries[0]!;
    expect(cardPart('unit', card)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `Responsible unit: ${unit} Full name ${unitName}`,
    );
    const link = cardPart('glossary-link', card) as HTMLAnchorElement;
    expect(link.textContent!.trim()).to.equal('View in glossary');
    expect(link.href).to.equal(new URL('/glossary.html#dszd-entry-1', page.doc.baseURI).href);
    // the definition itself stays as printed
    expect(cardPart('term-title', card)!.textContent).to.equal('数字社会');
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('data-auto="false" loads the library and annotates nothing until asked', async () => {
    const page = await openFixture('no-auto');
    const { doc, win } = page;
    const api = await waitForValue(() => win.dszdTerm, 'window.dszdTerm');
    // the page's load and two frames have passed: an automatic start (a task after DOMContentLoaded) would have
    // created the annotation
    await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
    expect(api.annotation).to.equal(null);
    expect(doc.querySelectorAll('dszd-term').length).to.equal(0);
    expect(win.customElements.get('dszd-term')).to.be.a('function');

    const result = await api.annotate(doc.body).done;
    expect(result.matches).to.equal(2);
    expect(termTexts(doc.body)).to.deep.equal(['数字社会', '未来社区']);
    expect(win.__dszdTestLog).to.deep.equal(NO_LOG);
  });
});
