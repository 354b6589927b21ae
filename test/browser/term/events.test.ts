import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { DefinitionSet } from '../../../src/definitions/types';
import type { DszdErrorEvent } from '../../../src/events/error-event';
import { DszdHideEvent } from '../../../src/events/hide-event';
import { DszdShowEvent } from '../../../src/events/show-event';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { isCardOpen, resetPage, sharedCard, surfaceOf } from '../helpers/card';
import { captureConsole } from '../helpers/console';
import { centreOf, hover } from '../helpers/pointer';

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
    // Captured until the broken term has left the page: its later renders warn too.
    const capture = captureConsole();
    try {
      const reported = oneEvent(term, 'dszd-error');
      await term.show();
      const event = (await reported) as unknown as DszdErrorEvent;
      expect((event.error as Error).message).to.equal('broken set');
      expect(isCardOpen()).to.equal(false);
      await term.updateComplete;
      el.remove();
    } finally {
      capture.restore();
    }
    expect(capture.messages.length).to.be.greaterThan(0);
    for (const message of capture.messages) expect(message).to.match(/^warn: dszd-term: .*broken set/);
  });
  it('a term whose set is broken reports it from the entry getter instead of throwing', async () => {
    const el = await fixture<HTMLElement>(html`<p><dszd-term>城市大脑</dszd-term></p>`);
    const term = el.querySelector('dszd-term')!;
    await term.updateComplete;
    const reported: DszdErrorEvent[] = [];
    term.addEventListener('dszd-error', (event) => reported.push(event));
    const capture = captureConsole();
    let entry: unknown = 'not read';
    try {
      Object.defineProperty(term, 'definitionSet', { value: {} as DefinitionSet });
      expect(() => (entry = term.entry)).not.to.throw();
      await term.updateComplete;
      el.remove();
    } finally {
      capture.restore();
    }
    expect(entry).to.equal(undefined);
    expect(reported.map((event) => event.context)).to.deep.equal(['term entry']);
    expect(capture.messages.length).to.be.greaterThan(0);
    for (const message of capture.messages) expect(message).to.match(/^warn: dszd-term: /);
  });

  it("errors in the card's own pointer handlers become dszd-error, never an exception", async () => {
    const el = await fixture<HTMLElement>(
      html`<main style="padding: 120px 40px">
        <p>了解<dszd-term show-delay="0">数字社会</dszd-term>的含义。</p>
      </main>`,
    );
    const term = el.querySelector('dszd-term')!;
    const shown = oneEvent(term, 'dszd-show');
    await hover(term);
    await shown;
    await sharedCard().ready;
    await sendMouse({ type: 'move', position: centreOf(surfaceOf()) });
    const uncaught: string[] = [];
    const onError = (event: ErrorEvent) => {
      uncaught.push(event.message);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    const warn = console.warn;
    console.warn = () => {};
    try {
      Object.defineProperty(term, 'hideDelay', {
        get() {
          throw new Error('broken delay');
        },
      });
      const reported = oneEvent(term, 'dszd-error');
      await sendMouse({ type: 'move', position: [2, 2] });
      const event = (await reported) as unknown as DszdErrorEvent;
      expect((event.error as Error).message).to.equal('broken delay');
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
    expect(uncaught).to.deep.equal([]);
  });
  it('the package entry exports the event classes, DszdErrorEvent included, and not the internal reportError', async () => {
    const entry: Record<string, unknown> = await import('../../../src/index');
    const { DszdErrorEvent: ErrorEvent } = await import('../../../src/events/error-event');

    expect(entry.DszdErrorEvent === ErrorEvent, 'DszdErrorEvent exported').to.equal(true);
    expect(typeof entry.DszdShowEvent).to.equal('function');
    expect(typeof entry.DszdHideEvent).to.equal('function');
    expect('reportError' in entry).to.equal(false);
    // internals (the normalizer, occurrence selection, the Annotation constructor) are not the package's surface
    for (const name of ['normalizeKey', 'selectOccurrences', 'Annotation'])
      expect(name in entry, name).to.equal(false);
  });
});
