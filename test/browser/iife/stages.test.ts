// The drop-in script in stages on plain pages: what has loaded when the first term appears, the live stage right
// after the first pass, the card stage later (idle or first intent), and a live or card stage that cannot be loaded.
import { expect } from '@open-wc/testing';
import {
  closeFixtures,
  type Fixture,
  NO_LOG,
  openFixture,
  waitForAnnotation,
  waitForOpenCard,
} from '../helpers/fixture';
import { waitForValue } from '../helpers/timing';
import { touchTap } from '../helpers/pointer';
import type { DszdTerm } from '../../../src/term/dszd-term';

// the test harness: our log recorder and the dev server's own reload script
const HARNESS = /\/record-log\.js$|\/__web-dev-server__/;

/** Bytes of `url`'s body gzipped in the browser (zlib's default level: a little above the budget's level 9). */
async function gzipBytes(url: string): Promise<number> {
  const body = (await fetch(url)).body!;
  const compressed = await new Response(body.pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  return compressed.byteLength;
}

const cardScripts = ({ doc }: Fixture) => doc.querySelectorAll('script[src$="dszd-term.card.js"]');
const liveScripts = ({ doc }: Fixture) => doc.querySelectorAll('script[src$="dszd-term.live.js"]');
/** The files of single entries' texts the page asked for, as paths, sorted. */
const entryScripts = ({ doc }: Fixture) =>
  [...doc.querySelectorAll<HTMLScriptElement>('script[src*="dszd-term.entry-"]')]
    .map((script) => new URL(script.src).pathname)
    .sort();
const textsScripts = ({ doc }: Fixture) => doc.querySelectorAll('script[src$="dszd-term.texts.js"]');

/** The first stage's budget (scripts/size-budget.ts, FIRST_STAGE_BUDGET_BYTES: 16 KB). */
const FIRST_STAGE_BUDGET = 16 * 1024;

describe('dszd-term.iife.js in stages', () => {
  afterEach(closeFixtures);

  it('has fetched only the first stage (within its budget) when the first <dszd-term> appears', async () => {
    const page = await openFixture('first-term');
    const { win } = page as Fixture & { win: { __firstTermScripts?: string[] } };
    const scripts = await waitForValue(() => win.__firstTermScripts, 'the first <dszd-term>');
    const ours = scripts.filter((url) => !HARNESS.test(url));
    expect(ours.map((url) => new URL(url).pathname)).to.deep.equal(['/dist/dszd-term.iife.js']);
    let total = 0;
    for (const url of ours) total += await gzipBytes(url);
    expect(total, `${total} bytes gzip`).to.be.greaterThan(4 * 1024);
    expect(total, `${total} bytes gzip`).to.be.at.most(FIRST_STAGE_BUDGET);
  });

  it('fetches the live stage right after the first pass, beside its own script, and heals with it', async () => {
    const page = await openFixture('basic');
    await waitForAnnotation(page);
    const [script] = (await waitForValue(
      () => liveScripts(page).length && liveScripts(page),
      'the live stage',
    )) as unknown as HTMLScriptElement[];
    expect(new URL(script!.src).pathname).to.equal('/dist/dszd-term.live.js');
    const annotation = page.win.dszdTerm!.annotation!;
    await annotation.settled();
    // the host rewrites a node the annotator split: healed, annotated again
    const first = page.doc.querySelector('#first')!;
    (first.firstChild as Text).data = '建设城市大脑';
    await annotation.settled();
    expect(first.textContent!.startsWith('建设城市大脑')).to.equal(true);
    expect(first.querySelector('dszd-term')!.textContent).to.equal('城市大脑');
    expect(liveScripts(page).length, 'one request for the live stage').to.equal(1);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('removes a big annotation in steps with the live stage: up to 1,000 wrappers at once, the rest in slices', async () => {
    const page = await openFixture('basic');
    await waitForAnnotation(page);
    await waitForValue(() => liveScripts(page).length, 'the live stage');
    await page.win.dszdTerm!.annotation!.settled();
    const root = page.doc.createElement('div');
    root.innerHTML = '<p>推进数字社会建设</p>'.repeat(1500);
    page.doc.body.append(root);
    const before = root.innerHTML;
    const annotation = page.win.dszdTerm!.annotate(root, { occurrence: 'all' });
    await annotation.done;
    await annotation.settled();
    const wrappers = () => root.querySelectorAll('dszd-term').length;
    expect(wrappers()).to.equal(1500);
    const removal = annotation.remove();
    // as many as its time allows before remove() returns, 1,000 at most
    expect(wrappers(), 'left after the call').to.be.at.least(500).and.below(1500);
    await removal;
    expect(root.innerHTML).to.equal(before);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('leaves a block with more wrappers than a step to the live stage, which puts it in parts', async () => {
    const page = await openFixture('no-auto');
    const { dszdTerm } = await waitForValue(() => page.win.dszdTerm && page.win, 'the script');
    const root = page.doc.createElement('div');
    root.innerHTML = `<p>${'推进数字社会建设，'.repeat(1500)}</p><p>城市大脑</p>`;
    page.doc.body.append(root);
    const [big, small] = root.querySelectorAll('p');
    const text = big!.textContent;
    const annotation = dszdTerm!.annotate(root, { occurrence: 'all' });
    const { matches } = await annotation.done;
    expect(liveScripts(page).length, 'the first pass ran without the live stage').to.equal(0);
    expect(matches, 'the first pass').to.equal(1);
    expect(small!.querySelectorAll('dszd-term').length).to.equal(1);
    expect(big!.querySelector('dszd-term'), 'the big block, left to the live stage').to.equal(null);
    await annotation.settled();
    expect(liveScripts(page).length).to.equal(1);
    expect(big!.querySelectorAll('dszd-term').length).to.equal(1500);
    expect(big!.textContent).to.equal(text);
    await annotation.remove();
    expect(big!.innerHTML).to.equal(text);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('keeps a selection in a big block where it was once the live stage is there (it brings keepSelection)', async () => {
    const page = await openFixture('no-auto');
    const { dszdTerm } = await waitForValue(() => page.win.dszdTerm && page.win, 'the script');
    // settled once the live stage is there
    await dszdTerm!.annotate(page.doc.querySelector('#text')!).settled();
    expect(liveScripts(page).length).to.equal(1);
    const root = page.doc.createElement('div');
    root.innerHTML = `<p>${'推进数字社会建设，'.repeat(200)}</p>`;
    page.doc.body.append(root);
    const node = root.querySelector('p')!.firstChild as Text;
    const selection = page.doc.getSelection()!;
    selection.setBaseAndExtent(node, 101, node, 333);
    const before = selection.toString();
    const annotation = dszdTerm!.annotate(root, { occurrence: 'all' });
    await annotation.done;
    expect(root.querySelectorAll('dszd-term').length).to.equal(200);
    expect(selection.anchorNode, 'the selection was put back in the new nodes').not.to.equal(node);
    expect(selection.toString()).to.equal(before);
    selection.removeAllRanges();
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('a tap on a term opens its card with the definition and the unit', async () => {
    const page = await openFixture('first-term');
    const term = await waitForValue(() => page.doc.querySelector('#first dszd-term'), 'the first term');
    await waitForValue(() => term.shadowRoot?.querySelector('[part~="term"]'), 'the term to render');
    touchTap(term);
    const card = await waitForOpenCard(page);
    const entry = page.win.dszdTerm!.definitionSet.entries[0]!;
    expect(entry.definition.length).to.be.greaterThan(0);
    expect(card.querySelector('[part~="term-title"]')!.textContent).to.equal('数字社会');
    expect(card.querySelector('[part~="definition"]')!.textContent!.replace(/\s+/g, '')).to.equal(
      `定义：${entry.definition.join('')}`,
    );
    // the unit as printed, then the 全称 toggle and the full name it shows (the card stage brings both)
    expect(card.querySelector('[part~="unit"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      entry.unitName && entry.unitName !== entry.unit
        ? `解释单位：${entry.unit} 全称 ${entry.unitName}`
        : `解释单位：${entry.unit}`,
    );
    expect(cardScripts(page).length, 'one request for the card stage').to.equal(1);
    // a tap before the set's texts are there takes its entry's own file too (whichever comes first), none other
    expect(entryScripts(page).filter((file) => file !== '/dist/dszd-term.entry-1.js')).to.deep.equal([]);
    // the set's texts follow for the terms' descriptions, once
    await waitForValue(() => textsScripts(page).length === 1, "the set's texts");
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('fetches the card stage once the page is idle, beside its own script, and then describes each term', async () => {
    const page = await openFixture('basic');
    await waitForAnnotation(page);
    await waitForValue(
      () => cardScripts(page).length === 1 && 'litHtmlVersions' in page.win,
      'the card stage',
    );
    const [script] = cardScripts(page) as unknown as HTMLScriptElement[];
    expect(new URL(script!.src).pathname).to.equal('/dist/dszd-term.card.js');
    const term = page.doc.querySelector('#first dszd-term')!;
    const description = await waitForValue(
      () => term.shadowRoot!.querySelector('#description')?.textContent,
      'the term to be described',
    );
    expect(description).to.equal(page.win.dszdTerm!.definitionSet.entries[0]!.definition.join('\n'));
    expect(term.shadowRoot!.querySelector('[part~="term"]')!.getAttribute('aria-describedby')).to.equal(
      'description',
    );
    // every term described from one file of the set's texts (one request for the page), no entry's own file
    const terms = [...page.doc.querySelectorAll<DszdTerm>('dszd-term')];
    expect(new Set(terms.map((each) => each.entry)).size).to.be.greaterThan(3);
    for (const each of terms)
      await waitForValue(
        () =>
          each.shadowRoot!.querySelector('#description')?.textContent === each.entry!.definition.join('\n'),
        `${each.textContent} to be described`,
      );
    expect(textsScripts(page).length).to.equal(1);
    expect(new URL((textsScripts(page)[0] as HTMLScriptElement).src).pathname).to.equal(
      '/dist/dszd-term.texts.js',
    );
    expect(entryScripts(page)).to.deep.equal([]);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });
});

describe("dszd-term.iife.js when the entries' texts cannot be loaded", () => {
  afterEach(closeFixtures);

  const textErrors = (page: Fixture) =>
    page.win.__dszdTestLog.dszdErrors.filter((error) => error.startsWith('definition texts:'));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('reports files missing or of another version once each, shows no texts of theirs, retries on an intent', async () => {
    // a folder with the stages, the set's texts of another version, 未来社区's own file, 城市大脑's of another version
    // and none for 数字社会
    const page = await openFixture('entry-missing');
    await waitForAnnotation(page);
    await waitForValue(() => textErrors(page).length === 1, "the set's texts to be refused");
    await settle();
    expect(textErrors(page)).to.have.length(1);
    expect(textErrors(page)[0]).to.contain('dszd-term.texts.js does not hold the texts of 数字社会');

    const [digital, community, brain] = [...page.doc.querySelectorAll<DszdTerm>('dszd-term')];
    expect([digital, community, brain].map((term) => term!.textContent)).to.deep.equal([
      '数字社会',
      '未来社区',
      '城市大脑',
    ]);
    const described = (term: DszdTerm) =>
      term.shadowRoot!.querySelector('[part~="term"]')!.hasAttribute('aria-describedby');
    // not one text of the refused file was used, not even the rows whose term is right
    for (const term of [digital, community, brain]) {
      expect(term!.entry!.definition, term!.textContent!).to.deep.equal([]);
      expect(described(term!), `${term!.textContent} has no description`).to.equal(false);
    }

    // an intent tries the entry's own file: missing, reported, no card
    touchTap(digital!);
    await waitForValue(() => textErrors(page).length === 2, "数字社会's file to fail");
    expect(textErrors(page)[1]).to.contain('dszd-term.entry-1.js');
    // of another version: reported, no card
    touchTap(brain!);
    await waitForValue(() => textErrors(page).length === 3, "城市大脑's file to be refused");
    expect(textErrors(page)[2]).to.contain('dszd-term.entry-4.js does not hold the texts of 城市大脑');
    await settle();
    expect(textErrors(page)).to.have.length(3);
    expect(page.doc.querySelector('dszd-card[open]'), 'no card').to.equal(null);
    expect(brain!.entry!.definition, 'no texts of another entry').to.deep.equal([]);

    // a term whose file is there opens its card, and is described from then on
    touchTap(community!);
    const card = await waitForOpenCard(page);
    expect(card.querySelector('[part~="term-title"]')!.textContent).to.equal('未来社区');
    expect(community!.entry!.definition.join('')).to.contain('以满足人民美好生活向往');
    expect(card.querySelector('[part~="definition"]')!.textContent).to.contain(
      community!.entry!.definition[0],
    );
    await waitForValue(() => described(community!), '未来社区 to be described');
    expect(page.win.__dszdTestLog.errors, 'no page error').to.deep.equal([]);
    expect(page.doc.body.textContent).to.contain('推进数字社会建设，打造未来社区和城市大脑。');
  });
});

describe('dszd-term.iife.js when the card stage cannot be loaded', () => {
  let page: Fixture;

  beforeEach(async () => {
    page = await openFixture('stage-missing');
    await waitForAnnotation(page);
  });
  afterEach(closeFixtures);

  const stageErrors = () =>
    page.win.__dszdTestLog.dszdErrors.filter((error) => error.startsWith('card stage:'));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('reports each failure once, keeps the term readable and focusable, removes the failed tag, retries', async () => {
    const { doc } = page;
    // the idle prefetch fails first
    await waitForValue(() => stageErrors().length === 1, 'the prefetch to fail');
    await settle();
    expect(stageErrors()).to.have.length(1);
    expect(stageErrors()[0]).to.contain('dszd-term.card.js');
    expect(cardScripts(page).length, 'the failed tag is gone').to.equal(0);

    const terms = [...doc.querySelectorAll('dszd-term')];
    expect(terms.map((term) => term.textContent)).to.deep.equal(['数字社会', '未来社区', '城市大脑']);
    const part = terms[0]!.shadowRoot!.querySelector('[part~="term"]')!;
    expect(part.getAttribute('tabindex')).to.equal('0');
    expect(part.getAttribute('role')).to.equal('button');

    // two intents at once: one more request, one more report
    touchTap(terms[0]!);
    touchTap(terms[1]!);
    expect(cardScripts(page).length, 'one request in flight').to.equal(1);
    await waitForValue(() => stageErrors().length === 2, 'the retry to fail');
    await settle();
    expect(stageErrors()).to.have.length(2);
    expect(cardScripts(page).length).to.equal(0);

    // focus is an intent too
    (part as HTMLElement).focus();
    expect(terms[0]!.matches(':focus')).to.equal(true);
    await waitForValue(() => stageErrors().length === 3, 'the retry on focus to fail');
    expect(page.win.__dszdTestLog.errors, 'no page error').to.deep.equal([]);
    expect(doc.body.textContent).to.contain('推进数字社会建设，打造未来社区和城市大脑。');
  });
});

describe('dszd-term.iife.js when the live stage cannot be loaded', () => {
  afterEach(closeFixtures);

  it('reports it once and removes the annotation: the page as it was, nothing thrown', async () => {
    const page = await openFixture('live-missing');
    await waitForAnnotation(page);
    const errors = () => page.win.__dszdTestLog.dszdErrors.filter((error) => error.startsWith('live stage:'));
    await waitForValue(() => errors().length === 1, 'the live stage to fail');
    await page.win.dszdTerm!.annotation!.settled();
    await waitForValue(() => !page.doc.querySelector('dszd-term'), 'the wrappers to go');
    expect(errors()[0]).to.contain('dszd-term.live.js');
    expect(page.doc.querySelector('#first')!.innerHTML).to.equal(
      '推进数字社会建设，打造未来社区和城市大脑。',
    );
    expect(page.doc.querySelector('#first')!.childNodes).to.have.length(1);
    expect(page.win.dszdTerm!.annotation!.matches).to.equal(0);
    expect(page.win.__dszdTestLog.errors, 'no page error').to.deep.equal([]);
    expect(liveScripts(page).length, 'the failed tag is gone').to.equal(0);
  });
});
