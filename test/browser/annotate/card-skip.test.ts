import { expect } from '@open-wc/testing';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { findSharedCard, removeSharedCard } from '../../../src/card/card-host';
import '../../../src/define';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { frames } from '../helpers/timing';

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  removeSharedCard();
  document.querySelectorAll('body > p').forEach((element) => element.remove());
});

describe('annotate: the shared card', () => {
  it('a live annotation of <body> never annotates the card’s own definitions (it lives in <body>)', async () => {
    document.body.insertAdjacentHTML('beforeend', '<p>数字社会和城市大脑</p>');
    annotation = annotate(document.body, { observe: true, occurrence: 'all' });
    await annotation.done;
    await document.querySelector<DszdTerm>('dszd-term[term="数字社会"]')!.show();
    await frames(3);
    const card = findSharedCard()!;
    expect(card.open).to.equal(true);
    // The definition of 数字社会 names other terms: none of them may be wrapped inside the card.
    expect(card.shadowRoot!.querySelectorAll('dszd-term')).to.have.length(0);
  });
});
