import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { findSharedCard, getSharedCard, removeSharedCard } from '../../../src/card/card-host';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { expectSame } from '../helpers/assert';
import { isCardOpen, resetPage } from '../helpers/card';

const TERMS = ['数字社会', '未来社区', '城市大脑', '数字乡村', '未来乡村'];

describe('one shared card', () => {
  afterEach(resetPage);

  it('200 terms share one card, created on first use', async () => {
    const el = await fixture<HTMLElement>(html`<div></div>`);
    render(
      Array.from({ length: 200 }, (_, i) => html`<p><dszd-term>${TERMS[i % TERMS.length]}</dszd-term></p>`),
      el,
    );
    const terms = [...el.querySelectorAll('dszd-term')] as DszdTerm[];
    await Promise.all(terms.map((term) => term.updateComplete));
    expect(document.querySelectorAll('dszd-card')).to.have.length(0);

    for (const term of [terms[0]!, terms[57]!, terms[199]!, terms[0]!]) {
      await term.show();
      expect(isCardOpen()).to.equal(true);
      expectSame(findSharedCard()!.trigger, term, 'trigger');
    }

    expect(document.querySelectorAll('dszd-card')).to.have.length(1);
    expectSame(
      terms.filter((term) => term.expanded),
      [terms[0]],
      'expanded terms',
    );
  });

  it('getSharedCard is safe to call repeatedly; removeSharedCard takes it away and the next use makes a new one', async () => {
    const el = await fixture<HTMLElement>(html`<p><dszd-term>城市大脑</dszd-term></p>`);
    const term = el.querySelector('dszd-term')!;
    const card = getSharedCard();
    expectSame(getSharedCard(), card, 'getSharedCard()');
    await term.show();

    removeSharedCard();

    expect(document.querySelectorAll('dszd-card')).to.have.length(0);
    expect(term.expanded).to.equal(false);
    await term.show();
    expect(document.querySelectorAll('dszd-card')).to.have.length(1);
    expect(getSharedCard() === card, 'same card as before').to.equal(false);
  });

  it('a term removed while its card is open takes the card down with it', async () => {
    const el = await fixture<HTMLElement>(html`<p><dszd-term>城市大脑</dszd-term></p>`);
    const term = el.querySelector('dszd-term')!;
    await term.show();

    term.remove();

    expect(isCardOpen()).to.equal(false);
  });

  it('a card the page removed is replaced on next use', async () => {
    const el = await fixture<HTMLElement>(html`<p><dszd-term>城市大脑</dszd-term></p>`);
    const term = el.querySelector('dszd-term')!;
    await term.show();

    document.querySelector('dszd-card')!.remove();
    await term.show();

    expect(document.querySelectorAll('dszd-card')).to.have.length(1);
    expect(isCardOpen()).to.equal(true);
  });
});
