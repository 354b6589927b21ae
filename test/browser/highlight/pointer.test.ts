import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { Annotation } from '../../../src/annotate/annotate';
import { findSharedCard } from '../../../src/card/card-host';
import { findRange, highlight, highlightedTexts } from '../helpers/annotate';
import { cardTerm, isCardOpen, resetPage, surfaceOf } from '../helpers/card';
import { mount, unmountAll } from '../helpers/dom';
import { centreOfRange, tapAt } from '../helpers/pointer';
import { waitFor } from '../helpers/timing';

let annotation: Annotation | undefined;
afterEach(async () => {
  annotation?.remove();
  annotation = undefined;
  await resetPage();
  unmountAll();
});

const PAGE = '<p style="font-size:20px">这里讲数字社会，也讲城市大脑。没有名词的一长句话在这里结束。</p>';

describe('highlight mode: pointer', () => {
  it('hovering a highlighted term opens the shared card for it, next to the text; leaving closes it', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    const range = findRange('城市大脑');
    await sendMouse({ type: 'move', position: centreOfRange(range) });
    expect(await waitFor(isCardOpen)).to.equal(true);
    expect(cardTerm()).to.equal('城市大脑');
    expect(highlightedTexts('dszd-term-active')).to.deep.equal(['城市大脑']);
    // Anchored to the words, not to the control: the card's nearest edge is by the range.
    const text = range.getBoundingClientRect();
    const card = surfaceOf().getBoundingClientRect();
    expect(Math.min(Math.abs(card.top - text.bottom), Math.abs(text.top - card.bottom))).to.be.below(24);
    await sendMouse({ type: 'move', position: [2, 2] });
    expect(await waitFor(() => !isCardOpen())).to.equal(true);
    expect(highlightedTexts('dszd-term-active')).to.deep.equal([]);
  });

  it('hovering plain text next to a term opens nothing', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    const [x, y] = centreOfRange(findRange('城市大脑'));
    await sendMouse({ type: 'move', position: [x + 120, y] });
    await waitFor(() => false, 40);
    expect(isCardOpen()).to.equal(false);
    expect(highlightedTexts('dszd-term-active')).to.deep.equal([]);
  });

  it('moving from one term to another moves the card to the other', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    await sendMouse({ type: 'move', position: centreOfRange(findRange('数字社会')) });
    expect(await waitFor(() => cardTerm() === '数字社会' && isCardOpen())).to.equal(true);
    await sendMouse({ type: 'move', position: centreOfRange(findRange('城市大脑')) });
    expect(await waitFor(() => cardTerm() === '城市大脑' && isCardOpen())).to.equal(true);
  });

  it('a tap opens the card at once', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    tapAt(centreOfRange(findRange('数字社会')));
    expect(await findSharedCard()!.ready).to.equal(true);
    expect(isCardOpen()).to.equal(true);
    expect(cardTerm()).to.equal('数字社会');
  });

  it('a click opens the card at once', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    await sendMouse({ type: 'click', position: centreOfRange(findRange('数字社会')) });
    expect(await findSharedCard()!.ready).to.equal(true);
    expect(isCardOpen()).to.equal(true);
    expect(cardTerm()).to.equal('数字社会');
  });

  it('after remove() the pointer opens nothing', async () => {
    const root = mount(PAGE);
    annotation = await highlight(root);
    const point = centreOfRange(findRange('数字社会'));
    annotation.remove();
    tapAt(point);
    await sendMouse({ type: 'click', position: point });
    expect(findSharedCard()?.open ?? false).to.equal(false);
  });
});
