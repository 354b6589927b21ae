// The drop-in script loaded twice, and the ES module build beside it: the first copy wins, nothing throws, the page
// is annotated once.
import { expect } from '@open-wc/testing';
import { cardPart } from '../helpers/card';
import { closeFixtures, hoverCard, openFixture, termTexts, waitForAnnotation } from '../helpers/fixture';
import { waitForValue } from '../helpers/timing';
import { appendParagraph } from '../helpers/dom';

describe('dszd-term.iife.js twice and beside dist/auto.js', () => {
  afterEach(closeFixtures);

  it('annotates once, with the first copy’s options, and throws nothing', async () => {
    const page = await openFixture('twice');
    await waitForAnnotation(page);
    const { doc, win } = page;
    const litCopies = () => (win as unknown as { litHtmlVersions?: string[] }).litHtmlVersions?.length ?? 0;
    // the module copy ran: it imports lit (the scripts' first stage has none)
    await waitForValue(() => litCopies() >= 1, 'the module copy');

    // the first copy annotates its root with its data-occurrence="all"; the later copies' root stays untouched
    expect(termTexts(doc.getElementById('text')!)).to.deep.equal(['数字社会', '数字社会']);
    expect(termTexts(doc.getElementById('later-copies')!)).to.deep.equal([]);
    expect(win.dszdTerm!.annotation!.root).to.equal(doc.getElementById('first-copy'));
    expect(win.__dszdTestLog.errors).to.deep.equal([]);
    expect(win.__dszdTestLog.dszdErrors).to.deep.equal([]);
    // the test server gives the module copy lit's development build, which warns about itself; nothing else may
    const ours = win.__dszdTestLog.warnings.filter((warning) => !warning.includes('https://lit.dev/msg/'));
    expect(ours).to.deep.equal([]);

    // and it is the only one live
    appendParagraph(doc.getElementById('later-copies')!, '浙里急救');
    const late = appendParagraph(doc.getElementById('first-copy')!, '未来社区');
    await waitForValue(() => late.querySelector('dszd-term'), 'the added paragraph to be annotated');
    expect(termTexts(late)).to.deep.equal(['未来社区']);
    expect(termTexts(doc.getElementById('later-copies')!)).to.deep.equal([]);

    // one card for the page
    const card = await hoverCard(page, doc.querySelector('#text dszd-term')!);
    expect(cardPart('term-title', card)!.textContent).to.equal('数字社会');
    expect(cardPart('unit', card)!.textContent).to.contain('省发展改革委');
    expect(doc.querySelectorAll('dszd-card').length).to.equal(1);
    // the first copy fetched its card stage once; the second copy fetched nothing
    expect(doc.querySelectorAll('script[src$="dszd-term.card.js"]').length).to.equal(1);
    expect(litCopies()).to.equal(2);

    // every wrapper belongs to the one annotation: removing it leaves none
    win.dszdTerm!.unannotate(doc.body);
    expect(doc.querySelectorAll('dszd-term').length).to.equal(0);
    expect(win.__dszdTestLog.errors).to.deep.equal([]);
  });
});
