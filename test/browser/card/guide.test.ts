// The card as a guide to the set: related terms (mouse, keyboard, touch) and back, the unit's full name, copying.
import 'axe-core';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { expectNoViolations, expectSame } from '../helpers/assert';
import { cardPart, resetPage, sharedCard, surfaceOf } from '../helpers/card';
import { centreOf, press, tap } from '../helpers/pointer';
import { frames } from '../helpers/timing';

async function openCard(term: string, attributes = ''): Promise<DszdTerm> {
  const root = await fixture<HTMLElement>(
    html`<main style="padding: 40px">
      <p>文中提到<dszd-term .innerHTML=${term}></dszd-term>。</p>
    </main>`,
  );
  const element = root.querySelector('dszd-term')!;
  if (attributes) element.setAttribute('lang', attributes);
  await element.show();
  for (const animation of surfaceOf().getAnimations()) animation.finish();
  return element;
}

const shadowActive = () => sharedCard().shadowRoot!.activeElement;
const title = () => cardPart('term-title')!;
const texts = (elements: Iterable<Element>) => [...elements].map((element) => element.textContent!.trim());
const inTextLinks = () => surfaceOf().querySelectorAll('[part~="related-link"]');
const rowButtons = () => surfaceOf().querySelectorAll('[part~="related-button"]');
const linkFor = (term: string) => [...inTextLinks()].find((link) => link.textContent === term) as HTMLElement;

async function settled(): Promise<void> {
  await sharedCard().updateComplete;
  await frames(1);
}

afterEach(async () => {
  await resetPage();
});

describe('card: related terms', () => {
  it('marks the related terms where the definition first names them, and lists them in a 相关名词 row', async () => {
    await openCard('养老大脑');
    expect(title().textContent).to.equal('养老大脑+智慧养老');
    expect(texts(inTextLinks())).to.deep.equal(['城市大脑', '未来社区', '未来乡村']);
    expect(texts(rowButtons())).to.deep.equal(['城市大脑', '未来社区', '未来乡村']);
    expect(cardPart('related')!.textContent).to.contain('相关名词');
    // The paragraph still reads as printed, in order.
    const paragraph = cardPart('definition')!.querySelector('p')!;
    expect(paragraph.textContent!.trim().replace(/^定义：/, '')).to.equal(
      sharedCard().trigger!.entry!.definition[0],
    );
    expect(cardPart('back-button')).to.equal(null);
  });

  it('by mouse: shows 城市大脑 in the same card, focus on its title; 返回 comes back to the link used', async () => {
    await openCard('养老大脑');
    await sendMouse({ type: 'click', position: centreOf(linkFor('城市大脑')) });
    await settled();

    expect(sharedCard().open).to.equal(true);
    expect(title().textContent).to.equal('城市大脑');
    expectSame(shadowActive(), title(), 'focus');
    expect(cardPart('definition')!.textContent).to.contain('现代城市重要基础设施');
    const back = cardPart('back-button')!;
    expect(back.textContent!.trim()).to.equal('返回');

    await sendMouse({ type: 'click', position: centreOf(back) });
    await settled();

    expect(sharedCard().open).to.equal(true);
    expect(title().textContent).to.equal('养老大脑+智慧养老');
    expectSame(shadowActive(), linkFor('城市大脑'), 'focus');
    expect(cardPart('back-button')).to.equal(null);
  });

  it('by keyboard: Enter on a row button, Shift+Tab to 返回, Enter: back on that button', async () => {
    await openCard('智慧救助');
    const button = [...rowButtons()].find((b) => b.textContent!.trim() === '救助大脑') as HTMLElement;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await settled();

    expect(title().textContent).to.equal('救助大脑');
    expectSame(shadowActive(), title(), 'focus');
    // 救助大脑 names 智慧救助 in turn: a second step, then back twice.
    (rowButtons()[0] as HTMLElement).focus();
    await sendKeys({ press: 'Enter' });
    await settled();
    expect(title().textContent).to.equal('智慧救助');

    await press('Shift+Tab');
    expectSame(shadowActive(), cardPart('back-button'), 'focus');
    await sendKeys({ press: 'Enter' });
    await settled();
    expect(title().textContent).to.equal('救助大脑');
    expectSame(shadowActive(), rowButtons()[0], 'focus');

    // Back along the tab order (the in-text link, the close button…) to 返回, which comes first.
    for (let i = 0; i < 6 && shadowActive() !== cardPart('back-button'); i++) await press('Shift+Tab');
    expectSame(shadowActive(), cardPart('back-button'), 'focus');
    await sendKeys({ press: 'Space' });
    await settled();
    expect(sharedCard().open).to.equal(true);
    expect(title().textContent).to.equal('智慧救助');
    expectSame(shadowActive(), button, 'focus');
  });

  it('by touch: a tap on a related term and a tap on 返回, the card open throughout', async () => {
    await openCard('养老大脑');
    tap(linkFor('未来乡村'));
    await settled();
    expect(sharedCard().open).to.equal(true);
    expect(title().textContent).to.equal('未来乡村');

    tap(cardPart('back-button')!);
    await settled();
    expect(sharedCard().open).to.equal(true);
    expect(title().textContent).to.equal('养老大脑+智慧养老');
  });

  it('starts afresh when the card opens for another term', async () => {
    const term = await openCard('养老大脑');
    linkFor('城市大脑').click();
    await settled();
    expect(cardPart('back-button')).to.not.equal(null);
    sharedCard().hide();
    await term.show();
    expect(title().textContent).to.equal('养老大脑+智慧养老');
    expect(cardPart('back-button')).to.equal(null);
  });

  it('has English labels', async () => {
    await openCard('养老大脑', 'en');
    expect(cardPart('related')!.textContent).to.contain('Related terms');
    linkFor('城市大脑').click();
    await settled();
    expect(cardPart('back-button')!.textContent!.trim()).to.equal('Back');
  });
});

describe('card: the unit in full', () => {
  it('shows 省人社保厅 as printed and its full name on request, to pointer, touch and screen readers alike', async () => {
    await openCard('智慧技能');
    const unit = cardPart('unit')!;
    const toggle = cardPart('unit-toggle')!;
    const name = cardPart('unit-name')!;
    expect(unit.querySelector('.value')!.textContent).to.equal('省人社保厅');
    expect(toggle.localName).to.equal('button');
    expect(toggle.textContent!.trim()).to.equal('全称');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(name.id);
    expect(name.checkVisibility()).to.equal(false);

    await sendMouse({ type: 'click', position: centreOf(toggle) });
    await settled();
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(name.checkVisibility()).to.equal(true);
    expect(name.textContent).to.equal('浙江省人力资源和社会保障厅');

    tap(toggle);
    await settled();
    expect(name.checkVisibility()).to.equal(false);

    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await settled();
    expect(name.checkVisibility()).to.equal(true);
  });

  it('names 省发展改革委 in full for 数字社会, labelled in English too', async () => {
    await openCard('数字社会', 'en');
    const toggle = cardPart('unit-toggle')!;
    expect(toggle.textContent!.trim()).to.equal('Full name');
    toggle.click();
    await settled();
    expect(cardPart('unit-name')!.textContent).to.equal('浙江省发展和改革委员会');
  });
});

describe('card: copy the cited definition', () => {
  const expected = [
    '智慧救助',
    '智慧救助是以救助大脑为依托，面向低保、低保边缘、特困人群以及残疾人、独居老人、单亲家庭、重病对象等弱势群体，依托“智慧救助服务联合体”（“助联体”）社区服务点整合政社企多方救助资源，链接线上线下，推动业务协同、供需匹配、数据共享的智慧救助多跨应用落地未来社区和未来乡村，打造“浙有众扶”金名片。',
    '解释单位：浙江省民政厅',
    '来源：《数字社会定义集（6.0版）》，浙江省发展和改革委员会，2022-04-12',
  ].join('\n');

  let written: string[] = [];
  let fail = false;
  beforeEach(() => {
    written = [];
    fail = false;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (text: string) => {
          if (fail) throw new DOMException('denied', 'NotAllowedError');
          written.push(text);
        },
      },
    });
  });
  afterEach(() => {
    delete (navigator as unknown as { clipboard?: unknown }).clipboard;
  });

  it('puts term, definition, unit in full and source on the clipboard, and says so', async () => {
    await openCard('智慧救助');
    const status = cardPart('copy-status')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('');

    await sendMouse({ type: 'click', position: centreOf(cardPart('copy-button')!) });
    await settled();

    expect(written).to.deep.equal([expected]);
    expect(status.textContent).to.equal('已复制定义及来源');
    expect(status.checkVisibility()).to.equal(true);
    expect(sharedCard().open).to.equal(true);
  });

  it('works from the keyboard, including notes, for the entry shown after a related step', async () => {
    await openCard('未来学校');
    linkFor('未来社区').click();
    await settled();
    cardPart('copy-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled();
    expect(written).to.have.length(1);
    expect(written[0]!.split('\n')).to.deep.equal([
      '未来社区',
      '以满足人民美好生活向往为中心，聚焦人本化、生态化、数字化三维价值，突出高品质生活主轴，有归属感、舒适感、未来感，具有美好生活、美丽宜居、智慧互联、绿色低碳、创新创业、和睦共治六方面独特内涵的新型城市功能单元。',
      '（注：包括未来邻里、教育、健康、创业、建筑、交通、低碳、服务、治理等九大场景。）',
      '解释单位：浙江省发展和改革委员会',
      '来源：《数字社会定义集（6.0版）》，浙江省发展和改革委员会，2022-04-12',
    ]);
  });

  it('falls back to a hidden textarea and execCommand when the Clipboard API refuses', async () => {
    fail = true;
    await openCard('智慧救助');
    const copied: string[] = [];
    const execCommand = document.execCommand;
    document.execCommand = (command: string) => {
      const area = sharedCard().shadowRoot!.querySelector('textarea');
      if (command === 'copy' && area) copied.push(area.value.slice(area.selectionStart, area.selectionEnd));
      return command === 'copy';
    };
    try {
      const button = cardPart('copy-button')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await settled();
    } finally {
      document.execCommand = execCommand;
    }
    expect(written).to.deep.equal([]);
    expect(copied).to.deep.equal([expected]);
    expect(sharedCard().shadowRoot!.querySelector('textarea')).to.equal(null);
    expect(cardPart('copy-status')!.textContent).to.equal('已复制定义及来源');
    expectSame(shadowActive(), cardPart('copy-button'), 'focus');
  });
});

describe('card: traditional characters', () => {
  it('a term written 數字鄉村 opens the card of 数字乡村', async () => {
    await openCard('數字鄉村');
    expect(title().textContent).to.equal('数字乡村');
  });
});

describe('card guide: accessibility', () => {
  let pageTitle = '';
  before(() => {
    pageTitle = document.title;
    document.title = '数字社会定义集';
    document.documentElement.lang = 'zh-CN';
  });
  after(() => {
    document.title = pageTitle;
    document.documentElement.removeAttribute('lang');
  });

  it('has no axe violations after a related step, with the unit expanded and a copy confirmed', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async () => {} },
    });
    try {
      await openCard('养老大脑');
      linkFor('城市大脑').click();
      await settled();
      cardPart('unit-toggle')!.click();
      cardPart('copy-button')!.click();
      await settled();
      expect(cardPart('copy-status')!.textContent).to.not.equal('');
      await expectNoViolations();
    } finally {
      delete (navigator as unknown as { clipboard?: unknown }).clipboard;
    }
  });
});
