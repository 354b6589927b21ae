import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { closeFixtures, cspViolations, hoverCard, openFixture, waitForAnnotation } from '../helpers/fixture';
import { sleep } from '../helpers/timing';

// Needs dist/ (npm run build). The fixture is served with the header in csp-strict.csp (test/browser/csp-headers.mjs).

afterEach(closeFixtures);

describe("hardening: Content-Security-Policy style-src 'self'; script-src 'self' (a header)", () => {
  it('the policy is really in force on the fixture', async () => {
    const page = await openFixture('csp-strict');
    const probe = page.doc.createElement('div');
    page.doc.body.append(probe);
    probe.setAttribute('style', 'color: red');
    await sleep(50);
    expect(cspViolations(page).length).to.be.greaterThan(0);
  });

  it('a card open and a pointer resting in the gap (the hover bridge) cause no violation and keep it open', async () => {
    const page = await openFixture('csp-strict');
    await waitForAnnotation(page);
    const term = page.doc.querySelector('#first dszd-term')!;
    const surface = await hoverCard(page, term);
    const bridge = surface.querySelector<HTMLElement>('.bridge')!;
    const box = bridge.getBoundingClientRect();
    expect(box.width * box.height, 'the bridge covers the gap').to.be.greaterThan(0);
    // Halfway between the term and the card, under the middle of the term: inside the bridge, outside both.
    const anchor = term.getBoundingClientRect();
    const card = surface.getBoundingClientRect();
    const y = card.top >= anchor.bottom ? (anchor.bottom + card.top) / 2 : (card.bottom + anchor.top) / 2;
    const frame = page.iframe.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(frame.left + anchor.left + anchor.width / 2), Math.round(frame.top + y)],
    });
    // Longer than the hide delay (300 ms): without the bridge the card would close.
    await sleep(900);
    expect(surface.matches(':popover-open'), 'still open').to.equal(true);
    expect(cspViolations(page)).to.deep.equal([]);
    expect(page.win.__dszdTestLog.errors).to.deep.equal([]);
  });
});
