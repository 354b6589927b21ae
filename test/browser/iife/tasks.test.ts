// What the drop-in script keeps out of the long tasks of a phone: it is evaluated in a task after the one that ran its
// tag (unless data-auto="false"), its annotation starts in a later task still, the card is made and rendered (hidden)
// when the page is idle, and a card is shown and placed in a task after the one that rendered its texts. Order of
// events, never time: the figures are in bench:phone.
import { expect } from '@open-wc/testing';
import type { DszdCard } from '../../../src/card/dszd-card';
import { cardPart } from '../helpers/card';
import {
  closeFixtures,
  type Fixture,
  hoverCard,
  NO_LOG,
  openFixture,
  termTexts,
  waitForAnnotation,
  waitForOpenCard,
} from '../helpers/fixture';
import { waitForValue } from '../helpers/timing';

interface CardHost {
  getSharedCard(doc: Document): DszdCard;
  findSharedCard(): DszdCard | undefined;
}

/** The card stage's card module, once the card stage is on the page. */
function cardHostOf(page: Fixture): CardHost | undefined {
  const stages = (page.win as unknown as Record<symbol, Record<string, unknown> | undefined>)[
    Symbol.for('dszd-term.stages')
  ];
  return stages?.['card/card-host'] as CardHost | undefined;
}

/** The page's card once it was made ahead of use: rendered with an entry, closed. */
function waitForPreparedCard(page: Fixture): Promise<DszdCard> {
  return waitForValue(() => {
    const card = page.doc.querySelector<DszdCard>('dszd-card');
    return card?.shadowRoot?.querySelector('[part~="term-title"]') ? card : undefined;
  }, 'the card made ahead of use');
}

describe('dszd-term.iife.js keeps its work out of the page’s tasks', () => {
  afterEach(closeFixtures);

  it('starts annotating in a task after the one that evaluated it', async () => {
    const page = await openFixture('later-task');
    await waitForAnnotation(page);
    const at = (page.win as unknown as { __dszdAtDomContentLoaded: Record<string, unknown> })
      .__dszdAtDomContentLoaded;
    // whether or not the deferred script's evaluation had come (a task of its own), nothing was started or marked
    expect([at.annotation, at.terms]).to.deep.equal([false, 0]);
    expect(termTexts(page.doc.body)).to.deep.equal(['数字社会', '未来社区', '城市大脑', '浙里急救']);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('is evaluated in a task after the one that ran its tag, with the tag’s options', async () => {
    const page = await openFixture('own-task');
    // the script right after the tag, in the same task: nothing of the stage had been evaluated
    const after = (page.win as unknown as { __dszdAfterTag: Record<string, boolean> }).__dszdAfterTag;
    expect(after).to.deep.equal({ api: false, element: false, stages: false });
    await waitForAnnotation(page);
    // data-occurrence="all", read from the tag that is no longer document.currentScript
    expect(termTexts(page.doc.body)).to.deep.equal(['数字社会', '数字社会']);
    expect(page.win.customElements.get('dszd-term')).to.be.a('function');
    // the card stage is found beside the tag's src
    const card = await hoverCard(page, page.doc.querySelector('dszd-term')!);
    expect(cardPart('term-title', card)!.textContent).to.equal('数字社会');
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('with data-auto="false" is ready right after its tag: the page drives it', async () => {
    const page = await openFixture('no-auto-at-once');
    const after = (page.win as unknown as { __dszdAfterTag: Record<string, boolean> }).__dszdAfterTag;
    expect(after).to.deep.equal({ api: true, element: true, stages: true });
    expect(page.win.dszdTerm!.annotation).to.equal(null);
    const result = await page.win.dszdTerm!.annotate(page.doc.body).done;
    expect(result.matches).to.equal(2);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('makes the card when idle, closed and hidden, and opens that same card on a term', async () => {
    const page = await openFixture('basic');
    await waitForAnnotation(page);
    const shows: string[] = [];
    page.doc.addEventListener('dszd-show', (event) => shows.push(event.type));
    const card = await waitForPreparedCard(page);
    const surface = card.shadowRoot!.querySelector<HTMLElement>('[part~="card"]')!;
    expect(card.open).to.equal(false);
    expect(surface.matches(':popover-open')).to.equal(false);
    // laid out ahead, unseen
    expect(getComputedStyle(surface).visibility).to.equal('hidden');
    expect(getComputedStyle(surface).pointerEvents).to.equal('none');
    expect(shows).to.deep.equal([]);

    const term = page.doc.querySelector('#card-para dszd-term') as HTMLElement;
    term.click();
    const open = await waitForOpenCard(page);
    expect(page.doc.querySelectorAll('dszd-card').length).to.equal(1);
    expect(open.getRootNode()).to.equal(card.shadowRoot);
    expect(cardPart('term-title', open)!.textContent).to.equal('浙里急救');
    expect(shows).to.deep.equal(['dszd-show']);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('remove() takes away the card made ahead of use: the page is as it was', async () => {
    const page = await openFixture('basic');
    await waitForAnnotation(page);
    await waitForPreparedCard(page);
    page.win.dszdTerm!.annotation!.remove();
    expect(page.doc.querySelector('dszd-card')).to.equal(null);
    expect(page.doc.body.innerHTML).to.equal(page.originalBody);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('shows and places a card in a task after the one that rendered its texts', async () => {
    const page = await openFixture('basic');
    await waitForAnnotation(page);
    const host = await waitForValue(() => cardHostOf(page), 'the card stage');
    const card = host.getSharedCard(page.doc);
    const term = page.doc.querySelector('#card-para dszd-term') as HTMLElement &
      Parameters<DszdCard['show']>[0];
    // the entry's texts there (they come after the card stage): the show has nothing to wait for
    await waitForValue(() => term.entry!.definition.length > 0, "the entry's texts");
    const shown = card.show(term);
    await card.updateComplete;
    // rendered for this term (microtasks of the same task), not yet in the top layer
    const surface = card.shadowRoot!.querySelector<HTMLElement>('[part~="card"]')!;
    expect(cardPart('term-title', surface)!.textContent).to.equal('浙里急救');
    expect(surface.matches(':popover-open')).to.equal(false);
    expect(await shown).to.equal(true);
    expect(surface.matches(':popover-open')).to.equal(true);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });
});
