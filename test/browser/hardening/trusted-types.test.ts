import { expect } from '@open-wc/testing';
import {
  closeFixtures,
  cspViolations,
  hoverCard,
  NO_LOG,
  openFixture,
  waitForAnnotation,
} from '../helpers/fixture';
import { sleep, waitForValue } from '../helpers/timing';

// Needs dist/ (npm run build). Each fixture is served with the Content-Security-Policy header in its .csp file
// (test/browser/csp-headers.mjs).

afterEach(closeFixtures);

describe("hardening: Trusted Types (require-trusted-types-for 'script')", () => {
  it('with "trusted-types dszd-term" the terms are marked and a card opens, with no violation and no error', async () => {
    const page = await openFixture('trusted-types?csp=tt-allowed');
    expect(
      (page.win as unknown as { trustedTypes?: unknown }).trustedTypes,
      'the browser has Trusted Types',
    ).to.not.equal(undefined);
    await waitForAnnotation(page);
    const term = page.doc.querySelector('#first dszd-term')!;
    const surface = await hoverCard(page, term);
    expect(surface.querySelector('[part~="term-title"]')!.textContent).to.equal('数字社会');
    expect(cspViolations(page)).to.deep.equal([]);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('with "trusted-types \'none\'" nothing is annotated, nothing is thrown, and one dszd-error says how to allow it', async () => {
    const page = await openFixture('trusted-types?csp=tt-none');
    const log = page.win.__dszdTestLog;
    await waitForValue(() => log.dszdErrors.length > 0, 'the report');
    // a frame later: still one report, no page error, the page's text untouched
    await sleep(200);
    expect(log.errors).to.deep.equal([]);
    expect(log.dszdErrors).to.have.length(1);
    expect(log.dszdErrors[0]).to.match(/^trusted types: Error: .*trusted-types dszd-term/);
    expect(page.doc.querySelector('dszd-term')).to.equal(null);
    expect(page.doc.body.innerHTML).to.equal(page.originalBody);
  });

  it('a Lit page that owns the lit-html policy keeps it, and the drop-in and glossary scripts work beside it', async () => {
    const page = await openFixture('tt-host-lit');
    await waitForAnnotation(page);
    await waitForValue(
      () => page.doc.querySelector('dszd-glossary')?.shadowRoot?.querySelector('article'),
      'the glossary to render',
    );
    const term = page.doc.querySelector('#first dszd-term')!;
    await hoverCard(page, term);
    expect(cspViolations(page)).to.deep.equal([]);
    expect(page.win.__dszdTestLog.errors).to.deep.equal([]);
    expect(page.win.__dszdTestLog.dszdErrors).to.deep.equal([]);
  });
});
