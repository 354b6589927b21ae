// Highlight mode from the built drop-in stages: dszd-term.highlight.js takes lit from the card stage, so the page
// runs one lit, and its term index works as in the source build.
import { expect } from '@open-wc/testing';
import type { DszdTermIndex } from '../../../src/annotate/highlight/dszd-term-index';
import {
  closeFixtures,
  openFixture,
  waitForAnnotation,
  waitForOpenCard,
  type Fixture,
} from '../helpers/fixture';
import { waitForValue } from '../helpers/timing';

/** What each copy of lit adds itself to when it loads (lit-html, ReactiveElement, LitElement). */
type LitVersions = {
  litHtmlVersions?: string[];
  reactiveElementVersions?: string[];
  litElementVersions?: string[];
};

/** The stages the page loaded (not the files of the entries' texts, which come as its terms need them). */
const stageScripts = ({ doc }: Fixture) =>
  [...doc.querySelectorAll<HTMLScriptElement>('script[src*="/dist/"]')]
    .map((script) => new URL(script.src).pathname)
    .filter((path) => !/\.(?:entry-\d+|texts)\.js$/.test(path));

describe('dszd-term.highlight.js', () => {
  afterEach(closeFixtures);

  it('runs its term index on the card stage’s lit: one copy of lit on the page', async () => {
    const page = await openFixture('highlight');
    await waitForAnnotation(page);
    expect(page.win.dszdTerm!.annotation!.mode).to.equal('highlight');
    const index = await waitForValue(
      () => page.doc.querySelector<DszdTermIndex>('dszd-term-index'),
      'the term index',
    );
    const toggle = await waitForValue(
      () => index.shadowRoot?.querySelector<HTMLButtonElement>('[part~="toggle"]'),
      'the toggle to render',
    );
    expect(stageScripts(page)).to.deep.equal([
      '/dist/dszd-term.iife.js',
      '/dist/dszd-term.card.js',
      '/dist/dszd-term.highlight.js',
    ]);
    const win = page.win as unknown as LitVersions;
    expect(win.litHtmlVersions, 'lit-html').to.have.length(1);
    expect(win.reactiveElementVersions, 'ReactiveElement').to.have.length(1);
    expect(win.litElementVersions, 'LitElement').to.have.length(1);
    // the element registered is the highlight stage's Lit element
    expect(page.win.customElements.get('dszd-term-index')).to.equal(index.constructor);
    expect('renderRoot' in index).to.equal(true);
    expect(page.doc.body.previousElementSibling).to.equal(index);

    expect(toggle.textContent).to.equal('术语解释（3）');
    toggle.click();
    const panel = index.shadowRoot!.querySelector<HTMLElement>('[part~="panel"]')!;
    await waitForValue(() => !panel.hidden, 'the list to open');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.getAttribute('aria-label')).to.equal('本页术语解释');
    const terms = [...panel.querySelectorAll('[part~="list"] > li > dszd-term')];
    expect(terms.map((term) => term.textContent)).to.deep.equal(['数字社会', '未来社区', '城市大脑']);

    // focus on a listed term opens the shared card with its definition
    (terms[1]!.shadowRoot!.querySelector('[part~="term"]') as HTMLElement).focus();
    const card = await waitForOpenCard(page);
    expect(card.querySelector('[part~="term-title"]')!.textContent).to.equal('未来社区');
    expect(page.win.__dszdTestLog).to.deep.equal({ errors: [], dszdErrors: [], warnings: [] });
  });
});
