import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { useIntentTimers } from '../../../src/card/hover-intent';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { FakeClock } from '../../fake-clock';
import { expectSame } from '../helpers/assert';
import { isCardOpen, resetPage, sharedCard, surfaceOf } from '../helpers/card';
import { centreOf, hover, touchAt } from '../helpers/pointer';
import { sleep } from '../helpers/timing';

/** A paragraph with one term between two buttons (focus targets before and after). */
async function paragraphWithTerm(): Promise<{ term: DszdTerm; before: HTMLElement; after: HTMLElement }> {
  const root = await fixture<HTMLElement>(
    html`<main style="padding: 120px 40px">
      <button id="before">前</button>
      <p style="font-size: 18px">了解<dszd-term>数字社会</dszd-term>的含义。</p>
      <button id="after">后</button>
    </main>`,
  );
  return {
    term: root.querySelector('dszd-term')!,
    before: root.querySelector<HTMLElement>('#before')!,
    after: root.querySelector<HTMLElement>('#after')!,
  };
}

/** Lets the card's event handlers and rendering run: a frame, then a task. */
async function settled(): Promise<void> {
  await nextFrame();
  await sleep();
}

/** Opens the term's card and waits until it is placed. */
async function opened(action: Promise<unknown> | void, term: DszdTerm): Promise<void> {
  const shown = oneEvent(term, 'dszd-show');
  await action;
  await shown;
  await sharedCard().ready;
}

describe('<dszd-term> behaviour', () => {
  afterEach(resetPage);

  describe('hover timing, on a fake clock', () => {
    // Dwell and hide delays run on a clock the test moves: no real seconds, nothing a loaded machine can stretch.
    let clock: FakeClock;
    beforeEach(() => {
      clock = new FakeClock();
      useIntentTimers(clock);
    });
    afterEach(() => useIntentTimers());

    it('opens after the hover dwell, not before', async () => {
      const { term } = await paragraphWithTerm();
      term.showDelay = 400;

      const shown = oneEvent(term, 'dszd-show');
      await hover(term);
      clock.tick(399);
      await settled();
      expect(isCardOpen()).to.equal(false);
      expect(clock.pending, 'the dwell is pending on the clock').to.equal(1);

      clock.tick(1);
      await shown;
      await sharedCard().ready;
      expect(isCardOpen()).to.equal(true);
      expectSame(sharedCard().trigger, term, 'trigger');
    });

    it('a pointer that leaves before the dwell ends opens nothing', async () => {
      const { term } = await paragraphWithTerm();
      term.showDelay = 1000;
      let shown = 0;
      term.addEventListener('dszd-show', () => shown++);

      await hover(term);
      clock.tick(900);
      expect(clock.pending).to.equal(1);
      await sendMouse({ type: 'move', position: [2, 2] });
      expect(clock.pending, 'leaving cancels the dwell').to.equal(0);
      clock.tick(1500);
      await settled();

      expect(shown).to.equal(0);
      expect(isCardOpen()).to.equal(false);
    });

    it('a clicked (focused) term keeps its card when the pointer leaves, until blur, Escape or a click outside', async () => {
      const { term } = await paragraphWithTerm();
      term.hideDelay = 0;
      await opened(sendMouse({ type: 'click', position: centreOf(term) }), term);

      await sendMouse({ type: 'move', position: [2, 2] });
      clock.tick(10_000);
      await settled();
      expect(isCardOpen()).to.equal(true);

      await sendMouse({ type: 'click', position: [2, 2] });
      expect(isCardOpen()).to.equal(false);
    });

    it('stays open for 10 s while the pointer crosses the gap into the card and rests there', async () => {
      const { term } = await paragraphWithTerm();
      term.showDelay = 0;
      await opened(
        hover(term).then(() => clock.tick(0)),
        term,
      );
      const termRect = term.getBoundingClientRect();
      const cardRect = surfaceOf().getBoundingClientRect();
      expect(cardRect.top).to.be.greaterThan(termRect.bottom);

      // In the gap between term and card, longer than hide-delay: the bridge holds it open.
      await sendMouse({
        type: 'move',
        position: [
          Math.round(termRect.left + termRect.width / 2),
          Math.round((termRect.bottom + cardRect.top) / 2),
        ],
      });
      clock.tick(term.hideDelay + 300);
      await settled();
      expect(isCardOpen()).to.equal(true);

      await sendMouse({ type: 'move', position: centreOf(surfaceOf()) });
      clock.tick(10_000);
      await settled();
      expect(isCardOpen()).to.equal(true);
      expectSame(sharedCard().trigger, term, 'trigger');

      // The same clock does close it once the pointer leaves both: the hold above was the bridge, not a dead clock.
      await sendMouse({ type: 'move', position: [2, 2] });
      clock.tick(term.hideDelay);
      await settled();
      expect(isCardOpen()).to.equal(false);
    });

    it('closes after hide-delay once the pointer leaves term and card, not before', async () => {
      const { term } = await paragraphWithTerm();
      term.showDelay = 0;
      term.hideDelay = 1000;
      await opened(
        hover(term).then(() => clock.tick(0)),
        term,
      );

      const hidden = oneEvent(term, 'dszd-hide');
      await sendMouse({ type: 'move', position: [2, 2] });
      clock.tick(999);
      await settled();
      expect(isCardOpen()).to.equal(true);
      clock.tick(1);
      await hidden;

      expect(isCardOpen()).to.equal(false);
      expect(term.expanded).to.equal(false);
    });
  });

  it('opens at once on keyboard focus, with aria-expanded', async () => {
    const { term, before } = await paragraphWithTerm();
    before.focus();
    const button = term.shadowRoot!.querySelector('[role="button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');

    await opened(sendKeys({ press: 'Tab' }), term);

    expectSame(document.activeElement, term, 'activeElement');
    expect(isCardOpen()).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
  });

  it('closes on Escape and keeps focus on the term', async () => {
    const { term, before } = await paragraphWithTerm();
    before.focus();
    await opened(sendKeys({ press: 'Tab' }), term);

    const hidden = oneEvent(term, 'dszd-hide');
    await sendKeys({ press: 'Escape' });
    await hidden;

    expect(isCardOpen()).to.equal(false);
    expectSame(document.activeElement, term, 'activeElement');
  });

  it('closes on Escape while only hovered (dismissible without moving the pointer)', async () => {
    const { term } = await paragraphWithTerm();
    term.showDelay = 0;
    await opened(hover(term), term);

    await sendKeys({ press: 'Escape' });

    expect(isCardOpen()).to.equal(false);
  });

  it('Enter moves focus into the card; Escape there returns focus to the term without reopening', async () => {
    const { term, before } = await paragraphWithTerm();
    before.focus();
    await opened(sendKeys({ press: 'Tab' }), term);

    await sendKeys({ press: 'Enter' });
    expectSame(document.activeElement, sharedCard(), 'activeElement');
    expectSame(sharedCard().shadowRoot!.activeElement, surfaceOf(), 'activeElement');

    await sendKeys({ press: 'Escape' });
    expect(isCardOpen()).to.equal(false);
    expectSame(document.activeElement, term, 'activeElement');
  });

  it('Tab walks the card and then goes back to the term, closing the card', async () => {
    const { term, before } = await paragraphWithTerm();
    before.focus();
    await opened(sendKeys({ press: 'Tab' }), term);
    await sendKeys({ press: 'Enter' });

    const stops = [...surfaceOf().querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];
    expect(stops[0]?.getAttribute('part')).to.equal('close-button');
    for (const stop of stops) {
      await sendKeys({ press: 'Tab' });
      expectSame(sharedCard().shadowRoot!.activeElement, stop, 'focused stop');
    }
    await sendKeys({ press: 'Tab' });

    expect(isCardOpen()).to.equal(false);
    expectSame(document.activeElement, term, 'activeElement');
  });

  it('closes on blur', async () => {
    const { term, before, after } = await paragraphWithTerm();
    before.focus();
    await opened(sendKeys({ press: 'Tab' }), term);

    await sendKeys({ press: 'Tab' });

    expectSame(document.activeElement, after, 'activeElement');
    expect(isCardOpen()).to.equal(false);
  });

  it('a hovered term removed from the page does not keep a keyboard-opened card from closing on blur', async () => {
    const root = await fixture<HTMLElement>(
      html`<main style="padding: 120px 40px">
        <p style="font-size: 18px">了解<dszd-term id="a" show-delay="5000">数字社会</dszd-term>。</p>
        <p style="font-size: 18px"><dszd-term id="b">城市大脑</dszd-term>的含义。</p>
        <button id="after">后</button>
      </main>`,
    );
    const a = root.querySelector<DszdTerm>('#a')!;
    const b = root.querySelector<DszdTerm>('#b')!;
    await Promise.all([a.updateComplete, b.updateComplete]);
    await hover(a);
    a.remove();

    const shown = oneEvent(b, 'dszd-show');
    b.focus();
    await shown;
    await sharedCard().ready;
    expectSame(sharedCard().trigger, b, 'trigger');
    root.querySelector<HTMLElement>('#after')!.focus();

    expect(isCardOpen()).to.equal(false);
    expect(b.expanded).to.equal(false);
  });

  it('the close button closes the card', async () => {
    const { term } = await paragraphWithTerm();
    await term.show();

    await sendMouse({
      type: 'click',
      position: centreOf(surfaceOf().querySelector('[part="close-button"]')!),
    });

    expect(isCardOpen()).to.equal(false);
  });

  it('opens at once on a touch tap and closes on a tap outside', async () => {
    const { term } = await paragraphWithTerm();
    const touch = touchAt(term);

    // Touch has no hover: pointerenter from a finger must not start a dwell.
    term.dispatchEvent(new PointerEvent('pointerenter', { ...touch, bubbles: false }));
    term.dispatchEvent(new PointerEvent('pointerdown', touch));
    const shown = oneEvent(term, 'dszd-show');
    term.dispatchEvent(new PointerEvent('pointerup', touch));
    await shown;
    await sharedCard().ready;
    expect(isCardOpen()).to.equal(true);

    const hidden = oneEvent(term, 'dszd-hide');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { ...touch, clientX: 2, clientY: 2 }));
    await hidden;
    expect(isCardOpen()).to.equal(false);
  });

  it('a click outside closes the card', async () => {
    const { term } = await paragraphWithTerm();
    await term.show();

    await sendMouse({ type: 'click', position: [2, 2] });

    expect(isCardOpen()).to.equal(false);
  });

  it("a second term's card replaces the first: one card, one open", async () => {
    const root = await fixture<HTMLElement>(
      html`<main style="padding: 100px 40px">
        <p><dszd-term show-delay="0">数字社会</dszd-term>与<dszd-term show-delay="0">未来社区</dszd-term></p>
      </main>`,
    );
    const [first, second] = [...root.querySelectorAll('dszd-term')] as [DszdTerm, DszdTerm];
    await opened(hover(first), first);

    const firstHidden = oneEvent(first, 'dszd-hide');
    await opened(hover(second), second);
    await firstHidden;

    expect(document.querySelectorAll('dszd-card')).to.have.length(1);
    expectSame(sharedCard().trigger, second, 'trigger');
    expect(first.expanded).to.equal(false);
    expect(second.expanded).to.equal(true);
    expect(surfaceOf().querySelector('[part="term-title"]')!.textContent).to.equal('未来社区');
  });
});
