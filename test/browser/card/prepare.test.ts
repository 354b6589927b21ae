// The card made ahead of its first use in idle callbacks (prepareSharedCard): one step per callback, started only with
// enough idle time left, overtaken by a tap, stopped by an annotation's removal. The idle callbacks here are fakes run by hand.
import { expect, fixture, html } from '@open-wc/testing';
import { annotateDone } from '../helpers/annotate';
import { findSharedCard, prepareSharedCard } from '../../../src/card/card-host';
import { DszdCard } from '../../../src/card/dszd-card';
import { loadCardHost } from '../../../src/card/card-loader';
import { idleScheduler, type StepDeadline } from '../../../src/card/idle-steps';
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { cardPart, isCardOpen, resetPage } from '../helpers/card';
import { tap } from '../helpers/pointer';
import { waitFor } from '../helpers/timing';

/** Idle callbacks held until the test runs them, each with the deadline it is given. */
function fakeIdle() {
  const pending: Array<(deadline: StepDeadline) => void> = [];
  return {
    schedule: (work: (deadline: StepDeadline) => void) => void pending.push(work),
    get pending() {
      return pending.length;
    },
    /** Runs the oldest callback with `remaining` ms of idle time left throughout (or timed out, none left). */
    run(remaining: number | 'timed out') {
      const work = pending.shift();
      if (!work) throw new Error('no idle callback pending');
      work({
        didTimeout: remaining === 'timed out',
        timeRemaining: () => (remaining === 'timed out' ? 0 : remaining),
      });
    },
  };
}

/** Text without its white space (the template's line breaks). */
const squeeze = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '');
const cards = () => document.querySelectorAll('dszd-card').length;
/** The preparation's steps: styles, lit warmed up, the card element, its shell rendered, connected, then five renders. */
const STEPS = 11;

/** Counts the card's renders (lit's `render`) until `restore` is called. */
function countRenders() {
  const proto = DszdCard.prototype as unknown as { render(): unknown };
  const original = proto.render;
  const counter = {
    count: 0,
    restore: () => void (proto.render = original),
  };
  proto.render = function (this: DszdCard) {
    counter.count++;
    return original.call(this);
  };
  return counter;
}

describe('prepareSharedCard', () => {
  afterEach(() => resetPage());

  it('starts no step in an idle callback with no time left; asks for another', () => {
    const idle = fakeIdle();
    prepareSharedCard(document, idle.schedule);
    for (let i = 0; i < 3; i++) {
      expect(idle.pending, `callback ${i + 1}`).to.equal(1);
      idle.run(0);
    }
    expect(idle.pending).to.equal(1);
    expect(findSharedCard()).to.equal(undefined);
    expect(cards()).to.equal(0);
  });

  it('with deadlines that leave no time (timed out), makes the card one step per idle callback', () => {
    const idle = fakeIdle();
    prepareSharedCard(document, idle.schedule);

    const renders = countRenders();
    try {
      idle.run('timed out'); // the styles
      expect(cards(), 'after the first callback').to.equal(0);
      idle.run('timed out'); // lit's rendering run on a throwaway template: texts
      idle.run('timed out'); // and the other bindings
      expect([cards(), renders.count], 'after the third: no card').to.deep.equal([0, 0]);
      idle.run('timed out'); // the card element, out of the page
      expect([cards(), renders.count], 'after the fourth').to.deep.equal([0, 0]);
      idle.run('timed out'); // its shell rendered, still out of the page
      expect([cards(), renders.count], 'after the fifth').to.deep.equal([0, 1]);
      expect(findSharedCard(), 'not in the page yet').to.equal(undefined);
      idle.run('timed out'); // put in the page, already rendered: no render in this step
      expect([cards(), renders.count], 'after the sixth').to.deep.equal([1, 1]);
    } finally {
      renders.restore();
    }
    const card = findSharedCard()!;
    const surface = card.cardElement!;
    expect(surface, 'the shell is there').to.be.instanceOf(HTMLElement);
    expect(cardPart('definition', surface)).to.equal(null);
    expect(card.id).to.equal('dszd-card');
    const shown = () =>
      ['definition', 'unit-toggle', 'related', 'related-link', 'notes'].filter(
        (part) => cardPart(part, surface) !== null,
      );

    idle.run('timed out'); // rendered with an entry with a definition alone: its header
    expect(surface.querySelector('.title')?.textContent ?? '', 'after the seventh: the header').to.match(
      /\S/,
    );
    expect(shown(), 'after the seventh: no texts yet').to.deep.equal([]);
    expect(cardPart('unit', surface), 'after the seventh: no unit yet').to.equal(null);
    idle.run('timed out'); // its texts
    expect(shown(), 'after the eighth').to.deep.equal(['definition']);
    expect(cardPart('unit', surface), 'after the eighth: no unit yet').to.equal(null);
    idle.run('timed out'); // the rest
    expect(shown(), 'after the ninth').to.deep.equal(['definition', 'unit-toggle']);
    expect(cardPart('unit', surface), 'after the ninth').to.be.instanceOf(HTMLElement);
    idle.run('timed out'); // with related terms
    expect(shown(), 'after the tenth').to.deep.equal([
      'definition',
      'unit-toggle',
      'related',
      'related-link',
    ]);
    expect(idle.pending).to.equal(1);
    idle.run('timed out'); // with notes
    expect(shown(), 'after the eleventh').to.include('notes');
    const entry = definitionSet.entries.find(
      (e) => e.term === card.cardElement!.querySelector('.title')!.textContent,
    );
    expect(entry?.notes.length, 'an entry with notes').to.be.greaterThan(0);
    expect(squeeze(cardPart('definition', surface)!.textContent)).to.contain(
      squeeze(entry!.definition.join('')),
    );

    expect(card.open, 'made closed').to.equal(false);
    expect(surface.matches(':popover-open')).to.equal(false);
    expect(idle.pending, 'done: no more callbacks').to.equal(0);
    expect(cards()).to.equal(1);
  });

  it('lays the closed card out unseen: no box drawn, hit or focused, the page laid out as it was', async () => {
    const page = await fixture<HTMLElement>(html`<p>在<dszd-term>数字社会</dszd-term>中推进各项工作。</p>`);
    const scrollSize = () => [document.documentElement.scrollWidth, document.documentElement.scrollHeight];
    const before = scrollSize();
    const idle = fakeIdle();
    prepareSharedCard(document, idle.schedule);
    while (idle.pending) idle.run('timed out');
    const card = findSharedCard()!;
    const surface = card.cardElement!;
    expect(card.open).to.equal(false);
    expect(surface.matches(':popover-open')).to.equal(false);
    const box = surface.getBoundingClientRect();
    expect(box.width * box.height, 'laid out').to.be.greaterThan(0);
    const style = getComputedStyle(surface);
    expect(style.visibility).to.equal('hidden');
    expect(style.pointerEvents).to.equal('none');
    // nothing of it at its own centre (the page's own element is hit there, or nothing)
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(hit === card || card.contains(hit)).to.equal(false);
    // none of its buttons takes focus
    for (const button of surface.querySelectorAll<HTMLElement>('button, a[href], [tabindex]')) {
      button.focus();
      expect(card.shadowRoot!.activeElement, button.className).to.equal(null);
    }
    expect(scrollSize(), "the page's scroll size").to.deep.equal(before);
    // a tap opens it as usual, and it is seen
    tap(page.querySelector('dszd-term')!);
    expect(await waitFor(isCardOpen), 'the card opens').to.equal(true);
    expect(getComputedStyle(surface).visibility).to.equal('visible');
  });

  it('runs one step per idle callback even when the deadline leaves time for more', () => {
    const idle = fakeIdle();
    prepareSharedCard(document, idle.schedule);
    // a deadline with a full hour left
    for (let step = 1; step <= 6; step++) idle.run(3_600_000);
    expect(idle.pending, 'a callback asked for each step left').to.equal(1);
    expect(cardPart('definition', findSharedCard()!.cardElement!)).to.equal(null);
    for (let step = 7; step <= STEPS; step++) idle.run(3_600_000);
    expect(idle.pending).to.equal(0);
    expect(cardPart('definition', findSharedCard()!.cardElement!)).to.be.instanceOf(HTMLElement);
  });

  it('starts a step with 20 ms of idle time left, not with less', () => {
    const idle = fakeIdle();
    prepareSharedCard(document, idle.schedule);
    const renders = countRenders();
    try {
      idle.run(19.9);
      idle.run(20); // the styles
      idle.run(19.9);
      idle.run(20); // lit's rendering warmed up: texts
      idle.run(19.9);
      idle.run(20); // and the other bindings
      idle.run(19.9);
      idle.run(20); // the card element
      idle.run(19.9);
      expect(renders.count, 'the card made, not rendered').to.equal(0);
      idle.run(20); // rendered
      idle.run(19.9);
      expect([cards(), renders.count], 'rendered, not in the page').to.deep.equal([0, 1]);
      idle.run(20);
      expect(cards(), 'then in the page').to.equal(1);
    } finally {
      renders.restore();
    }
  });

  it('without requestIdleCallback (Safari) takes a timer per step', async () => {
    let timers = 0;
    // a window with timers and no requestIdleCallback
    const win = {
      setTimeout: (work: () => void, ms: number) => (timers++, window.setTimeout(work, ms)),
    } as unknown as Window;
    prepareSharedCard(document, idleScheduler(win));
    expect(await waitFor(() => !!findSharedCard()?.cardElement?.querySelector('[part~="notes"]'))).to.equal(
      true,
    );
    expect(timers, 'one per step').to.equal(STEPS);
  });

  // after each step: before the card exists, with it made but out of the page, rendered out of the page, in the page…
  for (let before = 0; before < STEPS; before++)
    it(`a tap after ${before} of the ${STEPS} steps opens the card with the definition; the steps left change nothing`, async () => {
      const el = await fixture<HTMLElement>(
        html`<p style="margin: 200px 20px"><dszd-term>城市大脑</dszd-term></p>`,
      );
      const term = el.querySelector<DszdTerm>('dszd-term')!;
      const idle = fakeIdle();
      prepareSharedCard(document, idle.schedule);
      for (let step = 0; step < before; step++) idle.run('timed out');

      tap(term);
      // a card not rendered before the tap is rendered in the task after the tap's (which only decides)
      const rendered = () => !!findSharedCard()?.cardElement;
      expect(await waitFor(() => rendered() && isCardOpen()), 'the card opens').to.equal(true);
      const definition = () => squeeze(cardPart('definition')?.textContent);
      const expected = squeeze(term.entry!.definition.join(''));
      expect(definition()).to.contain(expected);
      while (idle.pending) idle.run('timed out');
      await findSharedCard()!.updateComplete;

      expect(isCardOpen(), 'still open').to.equal(true);
      expect(findSharedCard()!.trigger).to.equal(term);
      expect(definition(), 'still the tapped term’s definition').to.contain(expected);
      expect(cards()).to.equal(1);
      expect(findSharedCard()!.id).to.equal('dszd-card');
    });

  it('a tap before the page was idle runs the steps left a task each, then opens the card; events meanwhile keep their order', async () => {
    const el = await fixture<HTMLElement>(
      html`<p style="margin: 200px 20px"><dszd-term>城市大脑</dszd-term> <dszd-term>未来社区</dszd-term></p>`,
    );
    const [brain, community] = [...el.querySelectorAll<DszdTerm>('dszd-term')];
    const idle = fakeIdle();
    prepareSharedCard(document, idle.schedule);
    idle.run('timed out'); // the styles; no idle time comes after

    const renders = countRenders();
    const longest = { steps: 0 };
    const prototype = DszdCard.prototype as unknown as { prerender(kind: string, parts?: number): void };
    const prerender = prototype.prerender;
    const prerendered: string[] = [];
    prototype.prerender = function (this: DszdCard, kind: string, parts?: number) {
      prerendered.push(kind);
      prerender.call(this, kind, parts);
    };
    try {
      // the pointer rests on one term and leaves it (no card), then a finger taps the other, all before the steps ran
      const enter = (term: DszdTerm, type: string) =>
        term.dispatchEvent(new PointerEvent(type, { pointerType: 'mouse', clientX: 1, clientY: 1 }));
      enter(community!, 'pointerenter');
      enter(community!, 'pointerleave');
      expect(cards(), 'nothing made in the event').to.equal(0);
      expect(renders.count, 'nothing rendered in the event').to.equal(0);
      tap(brain!);
      // the tap's task (and its microtasks) runs one step at most, not the card's renders: the rest come a task each
      for (let i = 0; i < 20; i++) await undefined;
      longest.steps = renders.count;
      expect(isCardOpen(), 'not open within the tap’s task').to.equal(false);
      expect(await waitFor(isCardOpen), 'the card opens').to.equal(true);
    } finally {
      renders.restore();
      prototype.prerender = prerender;
    }
    expect(longest.steps, 'renders of the card in the tap’s task').to.be.at.most(1);
    expect(prerendered, 'its first entry only, no other entries’ templates').to.deep.equal([
      'plain',
      'plain',
      'plain',
    ]);
    expect(findSharedCard()!.trigger, 'the tapped term').to.equal(brain);
    expect(squeeze(cardPart('definition')?.textContent)).to.contain(
      squeeze(brain!.entry!.definition.join('')),
    );
    // the hover's enter and leave were handled in order: its dwell is not pending
    await new Promise((resolve) => setTimeout(resolve, community!.showDelay + 100));
    expect(findSharedCard()!.trigger, 'still the tapped term').to.equal(brain);
    expect(idle.pending, 'the idle callback asked for before').to.equal(1);
    idle.run('timed out');
    expect(idle.pending, 'no steps left').to.equal(0);
    expect(cards()).to.equal(1);
  });

  /** An annotated paragraph and the card's preparation after `steps` of its steps: the idle callbacks are held. */
  async function annotateAndPrepare(steps: number) {
    const el = await fixture<HTMLElement>(html`<p>城市大脑是数字化改革的重要成果。</p>`);
    await loadCardHost();
    const { annotation } = await annotateDone(el);
    const idle = fakeIdle();
    prepareSharedCard(document, idle.schedule);
    for (let step = 0; step < steps; step++) idle.run('timed out');
    return { annotation, idle };
  }

  it('an annotation’s removal removes the card made ahead and stops the steps left', async () => {
    const { annotation, idle } = await annotateAndPrepare(6);
    expect(cards(), 'made').to.equal(1);

    await annotation.remove();
    expect(cards(), 'removed').to.equal(0);
    while (idle.pending) idle.run('timed out');
    expect(cards(), 'not made again').to.equal(0);
    expect(findSharedCard()).to.equal(undefined);
  });

  it('an annotation’s removal before the card was made keeps it from being made', async () => {
    const { annotation, idle } = await annotateAndPrepare(1); // the styles only

    await annotation.remove();
    while (idle.pending) idle.run('timed out');
    expect(cards()).to.equal(0);
  });

  it('an annotation’s removal while the card is made but not in the page keeps it out', async () => {
    const { annotation, idle } = await annotateAndPrepare(5); // rendered, out of the page

    await annotation.remove();
    while (idle.pending) idle.run('timed out');
    expect(cards()).to.equal(0);
    expect(findSharedCard()).to.equal(undefined);
  });
});
