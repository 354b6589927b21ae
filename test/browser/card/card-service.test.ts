// The card split in two: the element's show()/hide() promises and reflected `open`, and the card service's
// listeners, which live exactly as long as one opening of the card.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getSharedCard } from '../../../src/card/card-host';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { expectSame } from '../helpers/assert';
import { isCardOpen, resetPage, surfaceOf } from '../helpers/card';
import { trackListeners, type Listener } from '../helpers/listeners';

/** Two terms on a page, rendered. */
async function twoTerms(): Promise<[DszdTerm, DszdTerm]> {
  const el = await fixture<HTMLElement>(
    html`<main style="padding: 120px 40px">
      <p><dszd-term>城市大脑</dszd-term></p>
      <p style="margin-top: 200px"><dszd-term>未来社区</dszd-term></p>
    </main>`,
  );
  const terms = [...el.querySelectorAll('dszd-term')] as [DszdTerm, DszdTerm];
  await Promise.all(terms.map((term) => term.updateComplete));
  return terms;
}

/**
 * Listeners on the document and on the card's surface: the service's (the card's template binds its buttons' clicks
 * and the surface's own keydown, which live as long as the elements they are bound to).
 */
function onDocumentOrCard(listeners: Listener[]): string[] {
  const surface = surfaceOf();
  const where = (target: EventTarget) =>
    target === document ? 'document' : target === surface ? 'card' : undefined;
  return listeners
    .filter((item) => where(item.target))
    .map((item) => `${where(item.target)} ${item.type}${item.capture ? ' (capture)' : ''}`)
    .sort();
}

const SESSION_LISTENERS = [
  'card focusout',
  'card pointerenter',
  'card pointerleave',
  'document keydown (capture)',
  'document pointerdown (capture)',
];

describe('<dszd-card> show() and hide()', () => {
  afterEach(resetPage);

  it('show() resolves true once the card is shown and placed; `open` is reflected', async () => {
    const [term] = await twoTerms();
    const card = getSharedCard();
    await card.updateComplete;
    expect(card.open).to.equal(false);
    expect(card.hasAttribute('open')).to.equal(false);

    const shown = card.show(term, { anchor: term });
    expect(card.open, 'open from the call on').to.equal(true);
    expect(await shown).to.equal(true);

    expect(isCardOpen(), 'in the top layer, placed and seen').to.equal(true);
    expect(card.hasAttribute('open')).to.equal(true);
    expectSame(card.trigger, term, 'trigger');
    expect(term.expanded).to.equal(true);
  });

  it('hide() resolves once the card is hidden and the attribute gone, after dszd-hide', async () => {
    const [term] = await twoTerms();
    const card = getSharedCard();
    expect(await card.show(term)).to.equal(true);
    let hideEvents = 0;
    term.addEventListener('dszd-hide', () => hideEvents++);

    const hidden = card.hide();
    expect(card.open, 'closed from the call on').to.equal(false);
    expect(hideEvents).to.equal(1);
    await hidden;

    expect(card.hasAttribute('open')).to.equal(false);
    expect(surfaceOf().matches(':popover-open')).to.equal(false);
    expect(isCardOpen()).to.equal(false);
    expect(term.expanded).to.equal(false);
    // hiding a closed card settles too, and fires nothing more
    await card.hide();
    expect(hideEvents).to.equal(1);
  });

  it('show() never rejects: a refused show, a term off the page, and no term all resolve false', async () => {
    const [first, second] = await twoTerms();
    const card = getSharedCard();
    first.addEventListener('dszd-show', (event) => event.preventDefault());
    expect(await card.show(first)).to.equal(false);
    second.remove();
    expect(await card.show(second)).to.equal(false);
    expect(await card.show()).to.equal(false);
    await card.updateComplete;

    expect(card.open).to.equal(false);
    expect(card.hasAttribute('open')).to.equal(false);
  });

  it('show() without a term, on an open card, resolves true for the term it is open for', async () => {
    const [term] = await twoTerms();
    const card = getSharedCard();
    const opening = card.show(term);
    expect(await card.show()).to.equal(true);
    expect(await opening).to.equal(true);
    expectSame(card.trigger, term, 'trigger');
  });

  it('a show overtaken by a hide resolves false', async () => {
    const [term] = await twoTerms();
    const card = getSharedCard();
    const shown = card.show(term);
    const hidden = card.hide();
    expect(await shown).to.equal(false);
    await hidden;
    expect(isCardOpen()).to.equal(false);
  });

  it('removing the `open` attribute closes the card, as `open = false` does', async () => {
    const [first, second] = await twoTerms();
    const card = getSharedCard();
    expect(await card.show(first)).to.equal(true);
    const hidden = oneEvent(first, 'dszd-hide');
    card.removeAttribute('open');
    await hidden;
    await card.updateComplete;
    expect(isCardOpen()).to.equal(false);
    expect(first.expanded).to.equal(false);

    expect(await card.show(second)).to.equal(true);
    card.open = false;
    await card.updateComplete;
    expect(isCardOpen()).to.equal(false);
    expect(card.hasAttribute('open')).to.equal(false);
  });

  it('an `open` attribute set on a closed card opens nothing (no term to show) and goes again', async () => {
    await twoTerms();
    const card = getSharedCard();
    await card.updateComplete;
    let shows = 0;
    document.addEventListener('dszd-show', () => shows++);

    card.setAttribute('open', '');
    await card.updateComplete;

    expect(card.open).to.equal(false);
    expect(card.hasAttribute('open')).to.equal(false);
    expect(shows).to.equal(0);
  });
});

describe('the card service', () => {
  afterEach(resetPage);

  it('listens for dismissal only while the card is open: every listener goes when it closes', async () => {
    const [term] = await twoTerms();
    const card = getSharedCard();
    await card.updateComplete;
    const tracking = trackListeners();
    let whileOpen: string[];
    let afterClose: string[];
    try {
      expect(await card.show(term)).to.equal(true);
      whileOpen = onDocumentOrCard(tracking.live());
      await card.hide();
      afterClose = onDocumentOrCard(tracking.live());
    } finally {
      tracking.stop();
    }

    expect(whileOpen).to.deep.equal(SESSION_LISTENERS);
    expect(afterClose).to.deep.equal([]);
  });

  it('one set of listeners per opening: a second term’s card replaces the first one’s listeners', async () => {
    const [first, second] = await twoTerms();
    const card = getSharedCard();
    await card.updateComplete;
    const tracking = trackListeners();
    let firstOpen: Listener[];
    let secondOpen: Listener[];
    let afterClose: string[];
    try {
      expect(await card.show(first)).to.equal(true);
      firstOpen = tracking.live();
      expect(await card.show(second)).to.equal(true);
      secondOpen = tracking.live();
      await card.hide();
      afterClose = onDocumentOrCard(tracking.live());
    } finally {
      tracking.stop();
    }

    expect(onDocumentOrCard(secondOpen)).to.deep.equal(SESSION_LISTENERS);
    // none of the first opening's listeners is left: the second has listeners of its own
    const stillThere = firstOpen.filter((item) => secondOpen.includes(item));
    expect(onDocumentOrCard(stillThere)).to.deep.equal([]);
    expect(afterClose).to.deep.equal([]);
  });

  it('a card closed by Escape, a click outside, or removal leaves no listener behind', async () => {
    const [term] = await twoTerms();
    const card = getSharedCard();
    await card.updateComplete;
    const tracking = trackListeners();
    const left: string[][] = [];
    try {
      await term.show();
      await sendKeys({ press: 'Escape' });
      left.push(onDocumentOrCard(tracking.live()));

      await term.show();
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      left.push(onDocumentOrCard(tracking.live()));

      await term.show();
      term.remove();
      left.push(onDocumentOrCard(tracking.live()));
    } finally {
      tracking.stop();
    }

    expect(left).to.deep.equal([[], [], []]);
    expect(isCardOpen()).to.equal(false);
  });
});
