import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { DefinitionSet } from '../../../src/definitions/types';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { useTestFont } from '../fonts';
import { expectSame } from '../helpers/assert';
import { isCardOpen, resetPage, sharedCard, surfaceOf } from '../helpers/card';
import { trackListeners, type Listener } from '../helpers/listeners';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
] as const;

const CORNERS = {
  'top left': 'top: 4px; left: 4px',
  'top right': 'top: 4px; right: 4px',
  'bottom left': 'bottom: 4px; left: 4px',
  'bottom right': 'bottom: 4px; right: 4px',
} as const;

/** Fails unless the card surface lies wholly inside the viewport. */
function expectCardInViewport(): DOMRect {
  const rect = surfaceOf().getBoundingClientRect();
  expect(rect.width).to.be.greaterThan(0);
  expect(rect.left, 'left').to.be.at.least(0);
  expect(rect.top, 'top').to.be.at.least(0);
  expect(rect.right, 'right').to.be.at.most(innerWidth);
  expect(rect.bottom, 'bottom').to.be.at.most(innerHeight);
  return rect;
}

/** Fails unless nothing covers the card: every point near its corners and centre hits the card. */
function expectCardOnTop(): void {
  const rect = surfaceOf().getBoundingClientRect();
  const inset = 6;
  const points: Array<[number, number]> = [
    [rect.left + inset, rect.top + inset],
    [rect.right - inset, rect.top + inset],
    [rect.left + inset, rect.bottom - inset],
    [rect.right - inset, rect.bottom - inset],
    [(rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2],
  ];
  for (const [x, y] of points) expectSame(document.elementFromPoint(x, y), sharedCard(), `hit at ${x},${y}`);
}

/**
 * The line box of the term the arrow points at: the arrow's tip touches its edge (within 3 px) and the arrow's
 * middle lies over the line box. Fails when no line box qualifies.
 */
function expectArrowAtTerm(term: Element): DOMRect {
  const arrow = surfaceOf().querySelector<HTMLElement>('[part="arrow"]')!;
  const a = arrow.getBoundingClientRect();
  const side = surfaceOf().dataset.side;
  const middleX = (a.left + a.right) / 2;
  const middleY = (a.top + a.bottom) / 2;
  const line = [...term.getClientRects()].find((r) => {
    switch (side) {
      case 'bottom':
        return middleX >= r.left && middleX <= r.right && a.top - r.bottom >= -1 && a.top - r.bottom <= 3;
      case 'top':
        return middleX >= r.left && middleX <= r.right && r.top - a.bottom >= -1 && r.top - a.bottom <= 3;
      case 'right':
        return middleY >= r.top && middleY <= r.bottom && a.left - r.right >= -1 && a.left - r.right <= 3;
      case 'left':
        return middleY >= r.top && middleY <= r.bottom && r.left - a.right >= -1 && r.left - a.right <= 3;
      default:
        return false;
    }
  });
  const lines = JSON.stringify([...term.getClientRects()].map((r) => [r.left, r.top, r.right, r.bottom]));
  expect(
    line,
    `arrow (${side}) at ${JSON.stringify([a.left, a.top, a.right, a.bottom])} points at no line of ${lines}`,
  ).to.not.equal(undefined);
  return line!;
}

describe('card placement', () => {
  // Glyph metrics from the test font, not from whatever CJK font (or none) the machine has: the fixtures wrap text.
  before(() => useTestFont('一二三四五六七八九十第段。这是一段很长的定义文字，测试定义集单位长0123456789前'));
  afterEach(async () => {
    await resetPage();
    await setViewport({ width: 800, height: 600 });
  });

  for (const viewport of VIEWPORTS) {
    for (const [corner, style] of Object.entries(CORNERS)) {
      it(`${viewport.name}: a term at the ${corner} corner gets a card inside the viewport, pointing at it`, async () => {
        await setViewport({ width: viewport.width, height: viewport.height });
        const el = await fixture<HTMLElement>(
          html`<p style="position: fixed; ${style}; margin: 0; font-size: 18px">
            <dszd-term term="数字健康新服务">数字健康新服务</dszd-term>
          </p>`,
        );
        const term = el.querySelector('dszd-term')!;

        await term.show();

        expect(isCardOpen()).to.equal(true);
        expectCardInViewport();
        expectCardOnTop();
        expectArrowAtTerm(term);
        expect(surfaceOf().dataset.side).to.equal(corner.startsWith('top') ? 'bottom' : 'top');
      });
    }
  }

  for (const viewport of VIEWPORTS) {
    it(`${viewport.name}: a term inside overflow: hidden + transform + z-index: 1 is neither clipped nor buried`, async () => {
      await setViewport({ width: viewport.width, height: viewport.height });
      const el = await fixture<HTMLElement>(
        html`<div>
          <div
            style="position: relative; z-index: 1; overflow: hidden; transform: translateX(10px) scale(1); width: 220px; height: 44px; margin: 120px 20px 0"
          >
            <p style="margin: 8px">参见<dszd-term>未来社区</dszd-term></p>
          </div>
          <div style="position: relative; z-index: 2; height: 600px; background: rgb(200 0 0)"></div>
        </div>`,
      );
      const term = el.querySelector('dszd-term')!;

      await term.show();

      const card = expectCardInViewport();
      expect(card.height).to.be.greaterThan(44);
      expectCardOnTop();
      expectArrowAtTerm(term);
      expect(surfaceOf().matches(':popover-open')).to.equal(true);
    });
  }

  describe('a term wrapped across two lines', () => {
    async function wrappedTerm(): Promise<DszdTerm> {
      const el = await fixture<HTMLElement>(
        html`<p style="width: 200px; margin: 150px 60px; font: 20px/2 'Noto Sans SC'; word-break: break-all">
          一二三四五六七八<dszd-term show-delay="0">数字社会</dszd-term>九十
        </p>`,
      );
      const term = el.querySelector<DszdTerm>('dszd-term')!;
      expect(term.getClientRects().length, 'the fixture must wrap the term').to.equal(2);
      return term;
    }

    for (const viewport of VIEWPORTS) {
      it(`${viewport.name}: hovering the second line points the card at that line`, async () => {
        await setViewport({ width: viewport.width, height: viewport.height });
        const term = await wrappedTerm();
        const secondLine = term.getClientRects()[1]!;

        const shown = oneEvent(term, 'dszd-show');
        await sendHoverAt(term, 1);
        await shown;
        await sharedCard().ready;

        expectCardInViewport();
        const line = expectArrowAtTerm(term);
        expect(line.top).to.equal(secondLine.top);
      });
    }

    it('keyboard focus points the card at the line next to it, so the card covers no part of the term', async () => {
      const el = await fixture<HTMLElement>(html`<div><button>前</button></div>`);
      const term = await wrappedTerm();
      el.querySelector('button')!.focus();

      const shown = oneEvent(term, 'dszd-show');
      await sendKeys({ press: 'Tab' });
      await shown;
      await sharedCard().ready;

      expectCardInViewport();
      const line = expectArrowAtTerm(term);
      const rects = term.getClientRects();
      expect(surfaceOf().dataset.side).to.equal('bottom');
      expect(line.top).to.equal(rects[rects.length - 1]!.top);
      for (const rect of rects)
        expect(surfaceOf().getBoundingClientRect().top).to.be.greaterThan(rect.bottom);
    });
  });

  it('a long definition on a phone scrolls inside a card no taller than the viewport', async () => {
    await setViewport({ width: 360, height: 740 });
    const set: DefinitionSet = {
      title: '测试定义集',
      version: '1.0',
      issuer: '测试单位',
      date: '2024-01-01',
      entries: [
        {
          serial: 1,
          term: '长定义',
          aliases: [],
          definition: Array.from(
            { length: 12 },
            (_, i) => `第${i + 1}段。${'这是一段很长的定义文字，'.repeat(12)}`,
          ),
          notes: [],
          unit: '测试单位',
        },
      ],
    };
    const el = await fixture<HTMLElement>(
      html`<p style="margin: 300px 10px 0"><dszd-term .set=${set}>长定义</dszd-term></p>`,
    );
    const term = el.querySelector('dszd-term')!;

    await term.show();

    const rect = expectCardInViewport();
    expect(rect.height).to.be.at.most(740 - 16);
    const body = surfaceOf().querySelector<HTMLElement>('[part="body"]')!;
    expect(body.scrollHeight).to.be.greaterThan(body.clientHeight);
    expect(getComputedStyle(body).overflowY).to.equal('auto');
    expect(getComputedStyle(body).overscrollBehaviorY).to.equal('contain');
    expect(body.tabIndex, 'a scrolling region must be reachable by keyboard').to.equal(0);
    expectArrowAtTerm(term);
  });

  it('follows the term when the page scrolls', async () => {
    const el = await fixture<HTMLElement>(
      html`<div style="height: 3000px; padding-top: 200px">
        <p><dszd-term>城市大脑</dszd-term></p>
      </div>`,
    );
    const term = el.querySelector('dszd-term')!;
    await term.show();
    expectArrowAtTerm(term);
    const before = surfaceOf().getBoundingClientRect().top;

    window.scrollBy(0, 120);
    await waitUntil(
      () => surfaceOf().getBoundingClientRect().top !== before,
      'card did not follow the scroll',
      // A deadline for a broken build only: a loaded machine may take a while to render the scroll.
      { timeout: 15_000, interval: 20 },
    );

    expect(surfaceOf().getBoundingClientRect().top).to.equal(before - 120);
    expectArrowAtTerm(term);
    window.scrollTo(0, 0);
  });

  it('leaves no scroll or resize listener behind once closed (autoUpdate and the session cleaned up)', async () => {
    const el = await fixture<HTMLElement>(
      html`<div style="height: 3000px; padding-top: 200px">
        <p><dszd-term>城市大脑</dszd-term></p>
      </div>`,
    );
    const term = el.querySelector('dszd-term')!;
    const listeners = trackListeners();
    const scrollOrResize = () =>
      listeners.live().filter((item) => item.type === 'scroll' || item.type === 'resize');
    let whileOpen: Listener[];
    let afterClose: Listener[];
    try {
      await term.show();
      whileOpen = scrollOrResize();
      sharedCard().hide();
      afterClose = scrollOrResize();
    } finally {
      listeners.stop();
    }

    expect(whileOpen.length, 'autoUpdate listens while open').to.be.greaterThan(0);
    expect(afterClose).to.deep.equal([]);
  });

  it('inside a modal dialog the card lives in the dialog, on top and not inert', async () => {
    const el = await fixture<HTMLElement>(
      html`<div>
        <dialog style="width: 300px">
          <p>弹窗里的<dszd-term>城市大脑</dszd-term></p>
        </dialog>
        <p><dszd-term>数字乡村</dszd-term></p>
      </div>`,
    );
    const dialog = el.querySelector('dialog')!;
    const [inside, outside] = [...el.querySelectorAll('dszd-term')];
    await outside!.show();
    dialog.showModal();

    await inside!.show();

    expectSame(sharedCard().parentElement, dialog, 'card parent');
    expectCardInViewport();
    expectCardOnTop();
    expectArrowAtTerm(inside!);
    expect(document.querySelectorAll('dszd-card')).to.have.length(1);
    sharedCard().hide();
    dialog.close();
    await outside!.show();
    expectSame(sharedCard().parentElement, document.body, 'card parent');
  });

  it('inside a modal dialog where :modal is unknown (Chrome before 105): still inside the dialog', async () => {
    const el = await fixture<HTMLElement>(
      html`<div>
        <dialog style="margin-top: 120px">
          <p>对话框中的<dszd-term>未来社区</dszd-term></p>
        </dialog>
        <p>正文中的<dszd-term>数字社会</dszd-term></p>
        <dialog open>
          <p>非模态对话框中的<dszd-term>城市大脑</dszd-term></p>
        </dialog>
      </div>`,
    );
    const [modal, plain] = [...el.querySelectorAll('dialog')] as [HTMLDialogElement, HTMLDialogElement];
    const [inside, outside, inPlain] = [...el.querySelectorAll('dszd-term')];
    const prototype = Element.prototype as { matches: (this: Element, selector: string) => boolean };
    const matches = prototype.matches;
    prototype.matches = function (this: Element, selector: string) {
      if (selector.includes(':modal'))
        throw new DOMException(`'${selector}' is not a valid selector.`, 'SyntaxError');
      return matches.call(this, selector);
    };
    try {
      await inPlain!.show();
      expectSame(sharedCard().parentElement, document.body, 'card parent beside a plain open dialog');
      sharedCard().hide();
      modal.showModal();
      await inside!.show();
      expectSame(sharedCard().parentElement, modal, 'card parent');
      expectCardOnTop();
      sharedCard().hide();
      modal.close();
      plain.close();
      await outside!.show();
      expectSame(sharedCard().parentElement, document.body, 'card parent');
    } finally {
      prototype.matches = matches;
    }
  });

  it('without the Popover API it falls back to a fixed layer with a very high z-index', async () => {
    const prototype = HTMLElement.prototype as { showPopover?: unknown };
    const showPopover = prototype.showPopover;
    delete prototype.showPopover;
    try {
      const el = await fixture<HTMLElement>(
        html`<div>
          <div style="position: relative; z-index: 1; overflow: hidden; height: 40px; margin: 100px 20px 0">
            <dszd-term>数字乡村</dszd-term>
          </div>
          <div style="position: relative; z-index: 2; height: 600px; background: rgb(200 0 0)"></div>
        </div>`,
      );
      const term = el.querySelector('dszd-term')!;

      await term.show();

      expect(surfaceOf().matches(':popover-open')).to.equal(false);
      const style = getComputedStyle(surfaceOf());
      expect(style.position).to.equal('fixed');
      expect(style.zIndex).to.equal('2147483647');
      expectCardInViewport();
      expectCardOnTop();
      expectArrowAtTerm(term);
      sharedCard().hide();
      await sharedCard().updateComplete;
      expect(getComputedStyle(surfaceOf()).display).to.equal('none');
    } finally {
      prototype.showPopover = showPopover;
    }
  });
});

async function sendHoverAt(term: Element, line: number): Promise<void> {
  const { sendMouse } = await import('@web/test-runner-commands');
  const rect = term.getClientRects()[line]!;
  await sendMouse({
    type: 'move',
    position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)],
  });
}
