import { expect } from '@open-wc/testing';
import {
  closeFixtures,
  hover,
  openFixture,
  waitFor,
  waitForAnnotation,
  waitForOpenCard,
  type Fixture,
} from '../iife/helpers';

// Needs dist/ (npm run build). Each fixture is served with the Content-Security-Policy header in its .csp file
// (test/browser/csp-headers.mjs).

type CspWindow = Fixture['win'] & { __dszdCspViolations: string[] };

afterEach(closeFixtures);

describe("hardening: Trusted Types (require-trusted-types-for 'script')", () => {
  it('with "trusted-types dszd-term" the terms are marked and a card opens, with no violation and no error', async () => {
    const page = await openFixture('tt-allowed');
    expect(
      (page.win as unknown as { trustedTypes?: unknown }).trustedTypes,
      'the browser has Trusted Types',
    ).to.not.equal(undefined);
    await waitForAnnotation(page);
    const term = page.doc.querySelector('#first dszd-term')!;
    await hover(page, term);
    const surface = await waitForOpenCard(page);
    expect(surface.querySelector('[part~="term-title"]')!.textContent).to.equal('数字社会');
    expect((page.win as CspWindow).__dszdCspViolations).to.deep.equal([]);
    expect(page.win.__dszdTestLog).to.deep.equal({ errors: [], dszdErrors: [], warnings: [] });
  });

  it('with "trusted-types \'none\'" nothing is annotated, nothing is thrown, and one dszd-error says how to allow it', async () => {
    const page = await openFixture('tt-none');
    const log = page.win.__dszdTestLog;
    await waitFor(() => log.dszdErrors.length > 0, 'the report');
    // a frame later: still one report, no page error, the page's text untouched
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log.errors).to.deep.equal([]);
    expect(log.dszdErrors).to.have.length(1);
    expect(log.dszdErrors[0]).to.match(/^trusted types: Error: .*trusted-types dszd-term/);
    expect(page.doc.querySelector('dszd-term')).to.equal(null);
    expect(page.doc.body.innerHTML).to.equal(page.originalBody);
  });

  it('a Lit page that owns the lit-html policy keeps it, and the drop-in and glossary scripts work beside it', async () => {
    const page = await openFixture('tt-host-lit');
    await waitForAnnotation(page);
    await waitFor(
      () => page.doc.querySelector('dszd-glossary')?.shadowRoot?.querySelector('article'),
      'the glossary to render',
    );
    const term = page.doc.querySelector('#first dszd-term')!;
    await hover(page, term);
    await waitForOpenCard(page);
    expect((page.win as CspWindow).__dszdCspViolations).to.deep.equal([]);
    expect(page.win.__dszdTestLog.errors).to.deep.equal([]);
    expect(page.win.__dszdTestLog.dszdErrors).to.deep.equal([]);
  });
});
