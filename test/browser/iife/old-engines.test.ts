// The drop-in script on older engines: with the APIs a 2020 engine lacks removed it still annotates and opens the
// card; without Custom Elements or Shadow DOM it leaves the page as it is and throws nothing.
import { expect } from '@open-wc/testing';
import {
  closeFixtures,
  frameCardSurface,
  NO_LOG,
  openFixture,
  termTexts,
  waitForAnnotation,
} from '../helpers/fixture';
import { hover, press } from '../helpers/pointer';
import { sleep, waitForValue } from '../helpers/timing';

describe('dszd-term.iife.js on a 2020 engine', () => {
  afterEach(closeFixtures);

  it('annotates and opens the card (no popover, Highlight API, requestIdleCallback…) with no error', async () => {
    const page = await openFixture('old-apis');
    const { win, doc } = page as typeof page & { win: { __removedApis: string[] } };
    expect(win.__removedApis).to.include.members([
      'requestIdleCallback',
      'HTMLDialogElement',
      'attachShadow delegatesFocus',
      'Highlight',
      'CSS.highlights',
      'Array.prototype.at',
      'Object.hasOwn',
      'structuredClone',
      'Element.prototype.replaceChildren',
      'showPopover',
      'Document adoptedStyleSheets',
    ]);
    await waitForAnnotation(page);
    // data-mode="highlight" falls back to wrapping where the Highlight API is missing
    expect(page.win.dszdTerm!.annotation!.mode).to.equal('wrap');
    expect(termTexts(doc.body)).to.deep.equal([
      '数字社会',
      '未来社区',
      '城市大脑',
      '浙里急救',
      '养老大脑+智慧养老',
    ]);

    const term = doc.querySelector('#second dszd-term')!;
    await hover(term, page.iframe);
    // no popover: the card is a fixed layer instead of the top layer
    const surface = await waitForValue(() => {
      const card = frameCardSurface(page);
      const rect = card?.getBoundingClientRect();
      // seen (the closed card made ahead is laid out too, hidden)
      return card && getComputedStyle(card).visibility === 'visible' && rect!.width > 0 ? card : undefined;
    }, 'the card to open');
    expect(surface.querySelector('[part~="term-title"]')!.textContent).to.equal('浙里急救');
    const entry = page.win.dszdTerm!.definitionSet.entries.find(
      (candidate) => candidate.term === '浙里急救',
    )!;
    // the unit as printed, then the 全称 toggle and the full name it shows (the card stage brings both)
    expect(surface.querySelector('[part~="unit"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      entry.unitName && entry.unitName !== entry.unit
        ? `解释单位：${entry.unit} 全称 ${entry.unitName}`
        : `解释单位：${entry.unit}`,
    );

    // the card's own history (a related term, then 返回) without Array.prototype.at
    doc.querySelector<HTMLElement>('#third dszd-term')!.click();
    const titleOf = () => frameCardSurface(page)?.querySelector('[part~="term-title"]')?.textContent;
    await waitForValue(() => titleOf() === '养老大脑+智慧养老' || undefined, 'the card of 养老大脑+智慧养老');
    const related = [
      ...frameCardSurface(page)!.querySelectorAll<HTMLElement>('[part~="related-button"]'),
    ].find((button) => button.textContent!.trim() === '城市大脑')!;
    related.click();
    await waitForValue(() => titleOf() === '城市大脑' || undefined, 'the related entry in the card');
    frameCardSurface(page)!.querySelector<HTMLElement>('[part~="back-button"]')!.click();
    await waitForValue(() => titleOf() === '养老大脑+智慧养老' || undefined, '返回 to the first entry');
    expect(frameCardSurface(page)!.querySelector('[part~="back-button"]')).to.equal(null);

    // by keyboard: Enter opens the card with focus in it, Escape closes it and focus is back on the term
    const first = doc.querySelector<HTMLElement>('#first dszd-term')!;
    first.shadowRoot!.querySelector<HTMLElement>('[tabindex]')!.focus();
    await press('Enter');
    await waitForValue(() => titleOf() === '数字社会' || undefined, 'the card of 数字社会 by keyboard');
    await waitForValue(() => doc.activeElement?.localName === 'dszd-card' || undefined, 'focus in the card');
    await press('Escape');
    await waitForValue(() => doc.activeElement === first || undefined, 'focus back on the term');

    expect(page.win.__dszdTestLog.errors).to.deep.equal([]);
    expect(page.win.__dszdTestLog.dszdErrors).to.deep.equal([]);
  });

  for (const [fixture, what] of [
    ['no-custom-elements', 'Custom Elements'],
    ['no-shadow-dom', 'Shadow DOM'],
  ] as const)
    it(`without ${what} leaves the page untouched and throws nothing`, async () => {
      const page = await openFixture(fixture);
      // the script ran synchronously in <head>; give DOMContentLoaded and idle time a chance
      await sleep(300);
      expect(page.doc.body.innerHTML).to.equal(page.originalBody);
      expect(page.doc.querySelectorAll('script[src$="dszd-term.card.js"]').length).to.equal(0);
      expect(page.win.dszdTerm).to.equal(undefined);
      expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
    });
});
