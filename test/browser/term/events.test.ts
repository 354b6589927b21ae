import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DszdErrorEvent } from '../../../src/events/error-event';
import { DszdHideEvent } from '../../../src/events/hide-event';
import { DszdShowEvent } from '../../../src/events/show-event';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { isCardOpen, resetPage } from '../card/helpers';

describe('<dszd-term> events', () => {
  afterEach(resetPage);

  it('dszd-show and dszd-hide bubble out of a shadow root to the document and carry the entry', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p><dszd-term>城市大脑</dszd-term></p>';
    const term = root.querySelector<DszdTerm>('dszd-term')!;
    await term.updateComplete;

    const shown = oneEvent(document, 'dszd-show');
    await term.show();
    const show = (await shown) as unknown as DszdShowEvent;
    const hidden = oneEvent(document, 'dszd-hide');
    await term.hide();
    const hide = (await hidden) as unknown as DszdHideEvent;

    expect(show).to.be.instanceOf(DszdShowEvent);
    expect(show.entry.term).to.equal('城市大脑');
    expect(show.composed && show.bubbles && show.cancelable).to.equal(true);
    expect(show.target === host, 'retargeted to the shadow host').to.equal(true);
    expect(hide).to.be.instanceOf(DszdHideEvent);
    expect(hide.entry.serial).to.equal(4);
    expect(hide.composed && hide.bubbles).to.equal(true);
  });

  it('a cancelled dszd-show keeps the card closed', async () => {
    const el = await fixture<HTMLElement>(html`<p><dszd-term>城市大脑</dszd-term></p>`);
    const term = el.querySelector('dszd-term')!;
    el.addEventListener('dszd-show', (event) => event.preventDefault());

    await term.show();

    expect(isCardOpen()).to.equal(false);
    expect(term.expanded).to.equal(false);
  });

  it('errors inside the card become a dszd-error event and a warning, never an exception', async () => {
    const el = await fixture<HTMLElement>(html`<p><dszd-term>城市大脑</dszd-term></p>`);
    const term = el.querySelector('dszd-term')!;
    Object.defineProperty(term, 'definitionSet', {
      get() {
        throw new Error('broken set');
      },
    });
    const warn = console.warn;
    console.warn = () => {};
    try {
      const reported = oneEvent(term, 'dszd-error');
      await term.show();
      const event = (await reported) as unknown as DszdErrorEvent;
      expect((event.error as Error).message).to.equal('broken set');
    } finally {
      console.warn = warn;
    }
    expect(isCardOpen()).to.equal(false);
  });
});
