import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { useIntentTimers } from '../../../src/card/hover-intent';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { FakeClock } from '../../fake-clock';
import { expectSame } from '../helpers/assert';
import { isCardOpen, resetPage, sharedCard, surfaceOf } from '../helpers/card';
import { captureConsole } from '../helpers/console';
import { hover } from '../helpers/pointer';
import { frames, sleep } from '../helpers/timing';

/** 数字社会 split by inline markup, as the annotator wraps it: two pieces with one data-dszd-match. */
async function splitTerm(): Promise<{ first: DszdTerm; second: DszdTerm; before: HTMLElement }> {
  // 城市 alone is in no entry: the term says so once on the console, captured here (and nothing else may be said).
  const capture = captureConsole();
  try {
    return await renderSplitTerm();
  } finally {
    capture.restore();
    for (const message of capture.messages)
      expect(message).to.equal('warn: dszd-term: no entry for "城市"; shown as plain text.');
  }
}

async function renderSplitTerm(): Promise<{ first: DszdTerm; second: DszdTerm; before: HTMLElement }> {
  const el = await fixture<HTMLElement>(
    html`<main style="padding: 80px 40px">
      <button>前</button>
      <p>
        建设<dszd-term term="数字社会" data-dszd-match="m1" show-delay="0">数字</dszd-term
        ><b><dszd-term term="数字社会" data-dszd-match="m1" show-delay="0">社会</dszd-term></b
        >的目标。<dszd-term data-dszd-match="m2">城市</dszd-term>
      </p>
    </main>`,
  );
  const [first, second] = [...el.querySelectorAll('dszd-term')] as [DszdTerm, DszdTerm];
  await Promise.all([first.updateComplete, second.updateComplete]);
  await sleep();
  return { first, second, before: el.querySelector('button')! };
}

function part(term: DszdTerm): HTMLElement {
  return term.shadowRoot!.querySelector<HTMLElement>('[part~="term"]')!;
}

describe('split-match pieces act as one term', () => {
  afterEach(resetPage);

  it('only the first piece is a tab stop; it names the whole term', async () => {
    const { first, second, before } = await splitTerm();

    expectSame(first.pieces, [first, second], 'pieces');
    expect(part(first).tabIndex).to.equal(0);
    expect(part(first).getAttribute('role')).to.equal('button');
    expect(part(first).getAttribute('aria-label')).to.equal('数字社会');
    expect(part(second).hasAttribute('tabindex')).to.equal(false);
    expect(part(second).hasAttribute('role')).to.equal(false);

    before.focus();
    await sendKeys({ press: 'Tab' });
    expectSame(document.activeElement, first, 'activeElement');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement === second, 'second piece focused').to.equal(false);
  });

  it('hovering the second piece opens the one card for the term, points at that piece and highlights both', async () => {
    const { first, second } = await splitTerm();

    const shown = oneEvent(first, 'dszd-show');
    await hover(second);
    await shown;
    await sharedCard().ready;

    expect(isCardOpen()).to.equal(true);
    expectSame(sharedCard().trigger, first, 'trigger');
    expect(surfaceOf().querySelector('[part="term-title"]')!.textContent).to.equal('数字社会');
    expect(part(first).classList.contains('active')).to.equal(true);
    expect(part(second).classList.contains('active')).to.equal(true);
    const arrow = surfaceOf().querySelector('[part="arrow"]')!.getBoundingClientRect();
    const piece = second.getBoundingClientRect();
    const middle = (arrow.left + arrow.right) / 2;
    expect(middle).to.be.within(piece.left, piece.right);
  });

  it('moving from one piece to the other keeps the card open', async () => {
    const { first, second } = await splitTerm();
    first.hideDelay = 0;
    const shown = oneEvent(first, 'dszd-show');
    await hover(first);
    await shown;
    await sharedCard().ready;

    // Any hide would be due at once (hide-delay 0): on a fake clock, move time well past it.
    const clock = new FakeClock();
    useIntentTimers(clock);
    try {
      await hover(second);
      clock.tick(1000);
      await frames(1);
    } finally {
      useIntentTimers();
    }

    expect(isCardOpen()).to.equal(true);
    expect(first.expanded).to.equal(true);
  });

  it('a piece alone (no partner on the page) is a term of its own text', async () => {
    const el = await fixture<HTMLElement>(
      html`<p><dszd-term data-dszd-match="solo">城市大脑</dszd-term></p>`,
    );
    const term = el.querySelector('dszd-term')!;
    await term.updateComplete;

    expect(term.entry?.serial).to.equal(4);
    expect(part(term).tabIndex).to.equal(0);
  });

  it('pieces inserted one by one settle on one tab stop', async () => {
    const el = await fixture<HTMLElement>(html`<p></p>`);
    const second = Object.assign(document.createElement('dszd-term'), { textContent: '社会' });
    second.setAttribute('data-dszd-match', 'late');
    second.setAttribute('term', '数字社会');
    el.append(second);
    await second.updateComplete;
    expect(part(second).tabIndex, 'alone it is the first piece').to.equal(0);

    const first = Object.assign(document.createElement('dszd-term'), { textContent: '数字' });
    first.setAttribute('data-dszd-match', 'late');
    first.setAttribute('term', '数字社会');
    el.prepend(first);
    await sleep();
    await Promise.all([first.updateComplete, second.updateComplete]);

    expect(part(first).tabIndex).to.equal(0);
    expect(part(second).hasAttribute('tabindex')).to.equal(false);
    expect(first.entry?.term).to.equal('数字社会');
  });
  it('pieces the page moves stay in document order: the first in the page is the tab stop', async () => {
    const { first, second } = await splitTerm();
    expectSame(first.pieces, [first, second], 'pieces before');
    // the page puts the second piece before the first (moving a node disconnects and connects it)
    first.before(second);
    await sleep();
    await Promise.all([first.updateComplete, second.updateComplete]);
    expectSame(first.pieces, [second, first], 'pieces after the move');
    expect(part(second).tabIndex).to.equal(0);
    expect(part(first).hasAttribute('tabindex')).to.equal(false);
  });

  it('pieces of two fragments that share an id but name different terms stay two terms', async () => {
    // Two CMS fragments tagged separately may reuse an id: the term attribute keeps their matches apart.
    const el = await fixture<HTMLElement>(
      html`<main style="padding: 80px 40px">
        <p>
          <dszd-term term="数字社会" data-dszd-match="dszd-h1" show-delay="0">数字</dszd-term
          ><b><dszd-term term="数字社会" data-dszd-match="dszd-h1" show-delay="0">社会</dszd-term></b>
        </p>
        <p>
          <dszd-term term="未来社区" data-dszd-match="dszd-h1" show-delay="0">未来</dszd-term
          ><i><dszd-term term="未来社区" data-dszd-match="dszd-h1" show-delay="0">社区</dszd-term></i>
        </p>
      </main>`,
    );
    const [a1, a2, b1, b2] = [...el.querySelectorAll('dszd-term')] as [
      DszdTerm,
      DszdTerm,
      DszdTerm,
      DszdTerm,
    ];
    await sleep();
    await Promise.all([a1, a2, b1, b2].map((term) => term.updateComplete));

    expectSame(a2.pieces, [a1, a2], 'pieces of 数字社会');
    expectSame(b1.pieces, [b1, b2], 'pieces of 未来社区');
    expect(b1.entry?.term).to.equal('未来社区');
    expect(part(b1).tabIndex).to.equal(0);

    const shown = oneEvent(b1, 'dszd-show');
    await hover(b1);
    await shown;
    await sharedCard().ready;

    expectSame(sharedCard().trigger, b1, 'trigger');
    expect(surfaceOf().querySelector('[part="term-title"]')!.textContent).to.equal('未来社区');
    expect(part(a1).classList.contains('active')).to.equal(false);
  });
});
