// dist/dszd-glossary.iife.js: <dszd-glossary> for a glossary page, alone or beside the drop-in script (which does
// not register it, to stay small).
import { expect } from '@open-wc/testing';
import {
  closeFixtures,
  type Fixture,
  NO_LOG,
  openFixture,
  termTexts,
  waitForAnnotation,
} from '../helpers/fixture';
import { waitForValue } from '../helpers/timing';

/** The glossary's rendered entries, once all 45 are there. */
function waitForEntries({ doc }: Fixture): Promise<HTMLElement[]> {
  return waitForValue(() => {
    const entries = [
      ...(doc.querySelector('dszd-glossary')?.shadowRoot?.querySelectorAll<HTMLElement>('article') ?? []),
    ];
    return entries.length === 45 ? entries : undefined;
  }, 'the glossary to render 45 entries');
}

describe('dszd-glossary.iife.js', () => {
  afterEach(closeFixtures);

  it('renders the whole set beside the drop-in script, which leaves the glossary’s words alone', async () => {
    const page = await openFixture('glossary');
    await waitForAnnotation(page);
    const entries = await waitForEntries(page);
    expect(entries.map((entry) => Number(entry.dataset.serial))).to.deep.equal(
      Array.from({ length: 45 }, (_, i) => i + 1),
    );
    expect(termTexts(page.doc.getElementById('intro')!)).to.deep.equal(['数字社会']);
    const glossary = page.doc.querySelector('dszd-glossary')!;
    expect(glossary.querySelectorAll('dszd-term').length).to.equal(0);
    expect(glossary.shadowRoot!.querySelectorAll('dszd-term').length).to.equal(0);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('works alone: no window.dszdTerm, no annotation, the glossary in English', async () => {
    const page = await openFixture('glossary-alone');
    const entries = await waitForEntries(page);
    expect(entries[0]!.textContent).to.contain('数字社会');
    expect(page.win.dszdTerm).to.equal(undefined);
    expect(page.win.customElements.get('dszd-term')).to.equal(undefined);
    expect(page.doc.querySelectorAll('dszd-term').length).to.equal(0);
    const label = page.doc.querySelector('dszd-glossary')!.shadowRoot!.querySelector('label')!;
    expect(label.textContent!.trim()).to.equal('Search terms');
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('works on a 2020 engine (the APIs newer than Chrome 80 / Safari 14 / Firefox 78 removed): renders, searches, links', async () => {
    const page = await openFixture('old-apis-glossary');
    await waitForAnnotation(page);
    const entries = await waitForEntries(page);
    expect(entries).to.have.length(45);
    const glossary = page.doc.querySelector('dszd-glossary') as HTMLElement & { query: string };
    glossary.query = '浙农码';
    const visible = await waitForValue(() => {
      const shown = entries.filter((entry) => !entry.hidden && entry.getClientRects().length > 0);
      return shown.length === 1 ? shown : undefined;
    }, 'the search to narrow the list');
    expect(visible[0]!.textContent).to.contain('浙农码');
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });
});
