import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { configureTerms } from '../../../src/config/terms-config';
import type { DefinitionSet } from '../../../src/definitions/types';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { findSharedCard } from '../../../src/card/card-host';
import { expectSame } from '../helpers/assert';
import { cardPart, isCardOpen, resetPage, surfaceOf } from '../helpers/card';
import { centreOf } from '../helpers/pointer';
import { warningsDuring } from '../helpers/console';
import { frames, waitForValue } from '../helpers/timing';

async function termFrom(markup: ReturnType<typeof html>): Promise<DszdTerm> {
  const el = await fixture<HTMLElement>(markup);
  const term = el.matches('dszd-term') ? (el as DszdTerm) : el.querySelector('dszd-term')!;
  await term.updateComplete;
  return term;
}

function innerButton(term: DszdTerm): HTMLElement | null {
  return term.shadowRoot!.querySelector<HTMLElement>('[part~="term"]');
}

describe('<dszd-term> lookup and semantics', () => {
  afterEach(resetPage);

  it('the term attribute names the entry, in any spelling the matcher accepts', async () => {
    expect(
      (await termFrom(html`<dszd-term term="“总对总”服务">这项服务</dszd-term>`)).entry?.serial,
    ).to.equal(3);
    expect(
      (await termFrom(html`<dszd-term term="总对总服务">总对总服务</dszd-term>`)).entry?.serial,
    ).to.equal(3);
    expect((await termFrom(html`<dszd-term term="智慧养老">智慧养老</dszd-term>`)).entry?.term).to.equal(
      '养老大脑+智慧养老',
    );
  });

  it('without the attribute, its own text is looked up when it is essentially one term', async () => {
    expect((await termFrom(html`<dszd-term>未来社区</dszd-term>`)).entry?.serial).to.equal(6);
    expect((await termFrom(html`<dszd-term> 教育“一张图”。</dszd-term>`)).entry?.term).to.equal(
      '教育“一张图”',
    );
    expect((await termFrom(html`<dszd-term><b>未来</b>社区</dszd-term>`)).entry?.serial).to.equal(6);
  });

  it('text that holds more than one term, or more than a term, is not a term', async () => {
    const warnings = await warningsDuring(async () => {
      expect((await termFrom(html`<dszd-term>未来社区建设</dszd-term>`)).entry).to.equal(undefined);
      expect((await termFrom(html`<dszd-term>城市大脑与未来社区</dszd-term>`)).entry).to.equal(undefined);
    });
    expect(warnings).to.have.length(2);
  });

  it('an unknown term is plain text: no underline, no role, not focusable; warns once per distinct name', async () => {
    let terms: DszdTerm[] = [];
    const warnings = await warningsDuring(async () => {
      const el = await fixture<HTMLElement>(
        html`<p>
          <button>前</button><dszd-term term="不存在的术语甲">甲</dszd-term
          ><dszd-term term="不存在的术语甲">甲</dszd-term><dszd-term>不存在的术语乙</dszd-term>
        </p>`,
      );
      terms = [...el.querySelectorAll('dszd-term')];
      await Promise.all(terms.map((term) => term.updateComplete));
      el.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
    });

    expect(warnings).to.deep.equal([
      'dszd-term: no entry for "不存在的术语甲"; shown as plain text.',
      'dszd-term: no entry for "不存在的术语乙"; shown as plain text.',
    ]);
    for (const term of terms) {
      expect(term.entry).to.equal(undefined);
      expect(innerButton(term)).to.equal(null);
      expect(term.shadowRoot!.querySelector('[tabindex], [role]')).to.equal(null);
      expect(getComputedStyle(term).textDecorationLine).to.equal('none');
    }
    expect(terms.includes(document.activeElement as DszdTerm)).to.equal(false);
    expect(findSharedCard()).to.equal(undefined);
  });

  it('a known term: underlined, in the tab order, a button that opens a dialog, described by its definition', async () => {
    const term = await termFrom(html`<p><dszd-term>数字乡村</dszd-term></p>`);
    const button = innerButton(term)!;

    expect(button.getAttribute('role')).to.equal('button');
    expect(button.tabIndex).to.equal(0);
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const description = term.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(description.textContent).to.equal(term.entry!.definition.join('\n'));
    expect(description.hidden).to.equal(true);
    const style = getComputedStyle(button);
    expect(style.textDecorationLine).to.equal('underline');
    expect(['dotted', 'dashed']).to.include(style.textDecorationStyle);
  });

  it('new text put in a term is looked up again: unknown text that becomes a term turns into one, and back', async () => {
    const warnings = await warningsDuring(async () => {
      const term = await termFrom(html`<p><dszd-term>不存在的术语丙</dszd-term></p>`);
      expect(innerButton(term)).to.equal(null);
      term.textContent = '未来社区';
      await waitForValue(() => innerButton(term), 'the term to render as one');
      expect(term.entry?.serial).to.equal(6);
      expect(innerButton(term)!.getAttribute('role')).to.equal('button');
      term.textContent = '不存在的术语丙';
      await waitForValue(() => innerButton(term) === null || undefined, 'the term to render as plain text');
      expect(term.shadowRoot!.querySelector('[tabindex], [role], [class]')).to.equal(null);
    });
    expect(warnings).to.have.length(1);
  });

  it('connecting a term moves nothing in its shadow tree (no slot change, so no second render)', async () => {
    const host = await fixture<HTMLElement>(html`<p></p>`);
    const terms = ['数字社会', '未来社区', '不存在的术语丁'].map((text) => {
      const term = document.createElement('dszd-term') as DszdTerm;
      term.textContent = text;
      return term;
    });
    const moved: Node[] = [];
    const slotChanges: Event[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) moved.push(...record.addedNodes, ...record.removedNodes);
    });
    for (const term of terms) {
      observer.observe(term.shadowRoot!, { childList: true, subtree: true });
      term.shadowRoot!.addEventListener('slotchange', (event) => slotChanges.push(event));
    }
    await warningsDuring(async () => {
      host.append(...terms);
      await Promise.all(terms.map((term) => term.updateComplete));
      await frames(1);
    });
    // only the known terms' hidden descriptions went in
    expect(moved.map((node) => (node as Element).id)).to.deep.equal(['description', 'description']);
    expect(innerButton(terms[0]!)!.getAttribute('role')).to.equal('button');
    expect(innerButton(terms[2]!)).to.equal(null);
    observer.disconnect();
    // the slot reports its text once per term (the first assignment), not again for a move
    expect(slotChanges.length).to.be.at.most(terms.length);
  });

  it('the open card is a dialog labelled by the term', async () => {
    const term = await termFrom(html`<p><dszd-term>数字乡村</dszd-term></p>`);
    await term.show();

    const surface = surfaceOf();
    expect(surface.getAttribute('role')).to.equal('dialog');
    const label = surface.querySelector(`#${surface.getAttribute('aria-labelledby')}`)!;
    expect(label.textContent).to.equal('数字乡村');
    expect(innerButton(term)!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('shows a visible focus ring on keyboard focus and none on mouse click', async () => {
    const el = await fixture<HTMLElement>(html`<p><button>前</button><dszd-term>数字乡村</dszd-term></p>`);
    const term = el.querySelector('dszd-term')!;
    el.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });

    const style = getComputedStyle(innerButton(term)!);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);

    el.querySelector('button')!.focus();
    await sendMouse({ type: 'click', position: centreOf(term) });
    expectSame(document.activeElement, term, 'activeElement');
    expect(getComputedStyle(innerButton(term)!).outlineStyle).to.equal('none');
  });

  it('highlighting and underline add no layout shift', async () => {
    const el = await fixture<HTMLElement>(html`<p>前文<dszd-term>数字乡村</dszd-term>后文</p>`);
    const term = el.querySelector('dszd-term')!;
    const plain = await fixture<HTMLElement>(html`<p>前文<span>数字乡村</span>后文</p>`);
    const before = term.getBoundingClientRect();

    await term.show();

    const after = term.getBoundingClientRect();
    expect(after.toJSON()).to.deep.equal(before.toJSON());
    expect(before.width).to.equal(plain.querySelector('span')!.getBoundingClientRect().width);
    expect(innerButton(term)!.classList.contains('active')).to.equal(true);
  });

  it('follows configureTerms({ set }) for terms already on the page', async () => {
    const set: DefinitionSet = {
      title: '部门定义集',
      version: '1.0',
      issuer: '某部门',
      date: '2024-05-01',
      entries: [
        {
          serial: 1,
          term: '数字乡村',
          aliases: [],
          definition: ['部门自己的定义。'],
          notes: [],
          unit: '某处',
        },
      ],
    };
    const term = await termFrom(html`<p><dszd-term>数字乡村</dszd-term></p>`);
    expect(term.entry?.unit).to.equal('省农业农村厅');

    configureTerms({ set });
    await term.updateComplete;
    await term.show();

    expect(term.entry?.unit).to.equal('某处');
    expect(cardPart('source')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '来源：部门定义集（1.0版） · 某部门 · 2024-05-01',
    );
    expect(isCardOpen()).to.equal(true);
  });
});
