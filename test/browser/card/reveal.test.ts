import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { findSharedCard, getSharedCard } from '../../../src/card/card-host';
import { resetPage, surfaceOf } from '../helpers/card';
import { frames } from '../helpers/timing';

/** What the reader could see of the card in one rendered frame. */
interface FrameSeen {
  open: boolean;
  visible: boolean;
  placed: boolean;
  rect: [number, number, number, number];
}

/**
 * Looks at the card in every animation frame until stopped: frames are when the page is painted, so these are all
 * the states a reader can see. A callback registered before the card's own runs first in the frame that follows.
 */
function watchFrames(): { frames: FrameSeen[]; stop(): void } {
  const frames: FrameSeen[] = [];
  let id = 0;
  const look = () => {
    const surface = findSharedCard()?.cardElement;
    if (surface) {
      const r = surface.getBoundingClientRect();
      frames.push({
        open: surface.matches(':popover-open'),
        visible: getComputedStyle(surface).visibility === 'visible',
        placed: !!surface.dataset.side && surface.style.left !== '',
        rect: [r.left, r.top, r.right, r.bottom],
      });
    }
    id = requestAnimationFrame(look);
  };
  id = requestAnimationFrame(look);
  return { frames, stop: () => cancelAnimationFrame(id) };
}

describe('card reveal order', () => {
  afterEach(async () => {
    await resetPage();
    await setViewport({ width: 800, height: 600 });
  });

  for (const viewport of [
    { name: 'phone', width: 360, height: 740 },
    { name: 'desktop', width: 1280, height: 800 },
  ])
    it(`${viewport.name}: the card is laid out hidden in a frame of its own, then placed, and only then seen`, async () => {
      await setViewport(viewport);
      const el = await fixture<HTMLElement>(
        html`<p style="margin: 300px 20px 0; font-size: 18px"><dszd-term>城市大脑</dszd-term></p>`,
      );
      const term = el.querySelector<DszdTerm>('dszd-term')!;
      const watching = watchFrames();

      let opened: boolean;
      try {
        opened = await getSharedCard().show(term);
        // one more frame: the first frame with the card seen
        await frames(2);
      } finally {
        watching.stop();
      }

      expect(opened).to.equal(true);
      const open = watching.frames.filter((frame) => frame.open);
      const final = surfaceOf().getBoundingClientRect();
      const finalRect = [final.left, final.top, final.right, final.bottom];
      // a frame in which the card was in the top layer, hidden and not yet placed: its layout was the frame's
      expect(
        open.some((frame) => !frame.visible && !frame.placed),
        JSON.stringify(watching.frames),
      ).to.equal(true);
      // never seen before placed, never seen anywhere but where it stays
      const seen = open.filter((frame) => frame.visible);
      expect(seen.length, 'the card was never seen').to.be.greaterThan(0);
      for (const frame of seen) {
        expect(frame.placed, JSON.stringify(watching.frames)).to.equal(true);
        expect(frame.rect).to.deep.equal(finalRect);
      }
      // and the frames go hidden → seen, never back
      const firstSeen = open.findIndex((frame) => frame.visible);
      expect(open.slice(firstSeen).every((frame) => frame.visible)).to.equal(true);
    });

  it('the task that opens the card (a tap, a key) does not render its texts: a later task does', async () => {
    const el = await fixture<HTMLElement>(
      html`<p><dszd-term>城市大脑</dszd-term> <dszd-term>未来社区</dszd-term></p>`,
    );
    const [first, second] = el.querySelectorAll<DszdTerm>('dszd-term');
    const card = getSharedCard();
    expect(await card.show(first!)).to.equal(true);
    const title = () => card.cardElement!.querySelector('[part="term-title"]')!.textContent!.trim();
    expect(title()).to.equal('城市大脑');

    const showing = card.show(second!);
    // every microtask of this task: lit would have rendered by now if the render were this task's
    for (let i = 0; i < 50; i++) await Promise.resolve();
    const duringTask = title();
    expect(await showing).to.equal(true);

    expect(duringTask).to.equal('城市大脑');
    expect(title()).to.equal('未来社区');
  });

  it('a card closed before it was placed is never seen, and its show settles false', async () => {
    const el = await fixture<HTMLElement>(
      html`<p style="margin: 200px 20px 0"><dszd-term>城市大脑</dszd-term></p>`,
    );
    const term = el.querySelector<DszdTerm>('dszd-term')!;
    const card = getSharedCard();
    await card.updateComplete;
    const watching = watchFrames();
    let opened: boolean;
    try {
      // closed just after it reaches the top layer, still hidden and unplaced (the task that showed it ends first)
      card.cardElement!.addEventListener('beforetoggle', () => queueMicrotask(() => card.hide()), {
        once: true,
      });
      const showing = card.show(term);
      opened = await showing;
      await frames(2);
    } finally {
      watching.stop();
    }

    expect(opened).to.equal(false);
    expect(watching.frames.some((frame) => frame.visible && frame.open)).to.equal(false);
    expect(surfaceOf().matches(':popover-open')).to.equal(false);
    expect(surfaceOf().classList.contains('placed')).to.equal(false);
    expect(term.expanded).to.equal(false);
  });

  it('opening a second term hides the card until it is placed by the new term', async () => {
    const el = await fixture<HTMLElement>(
      html`<div>
        <p style="margin: 100px 20px 0"><dszd-term>城市大脑</dszd-term></p>
        <p style="margin: 300px 20px 0"><dszd-term>未来社区</dszd-term></p>
      </div>`,
    );
    const [first, second] = el.querySelectorAll<DszdTerm>('dszd-term');
    const card = getSharedCard();
    expect(await card.show(first!)).to.equal(true);
    const watching = watchFrames();
    try {
      expect(await card.show(second!)).to.equal(true);
      await frames(2);
    } finally {
      watching.stop();
    }

    const final = surfaceOf().getBoundingClientRect();
    for (const frame of watching.frames.filter((f) => f.open && f.visible))
      expect(frame.rect).to.deep.equal([final.left, final.top, final.right, final.bottom]);
  });
});
