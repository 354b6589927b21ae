// The built drop-in script with a department's own definition sets (data-set, configureTerms({ sets })): fetched,
// checked by the lazily loaded sets stage, combined before the shipped set, the page annotated once with them all.
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { cardPart } from '../helpers/card';
import {
  closeFixtures,
  type Fixture,
  frameCardSurface,
  hoverCard,
  NO_LOG,
  openFixture,
  termTexts,
  waitForAnnotation,
} from '../helpers/fixture';
import { waitForValue } from '../helpers/timing';

const DEPARTMENT = '测试部门定义集（1.0版） · 测试部门 · 2025-03-01';
const OVERLAP = '重叠测试定义集（2.0版） · 另一测试部门 · 2025-04-01';
const SHIPPED = '数字社会定义集（6.0版） · 浙江省发展和改革委员会 · 2022-04-12';

/** Hovers the `<dszd-term>` with this text and reads the open card's definition and source line. */
async function openCardFor(page: Fixture, text: string): Promise<{ definition: string; source: string }> {
  const term = [...page.doc.querySelectorAll('dszd-term')].find((element) => element.textContent === text);
  if (!term) throw new Error(`no <dszd-term> for ${text}`);
  // An open card may cover the next term: the pointer leaves first and the card closes.
  await sendMouse({ type: 'move', position: [750, 550] });
  await waitForValue(
    () => !page.doc.querySelector('dszd-card')?.shadowRoot?.querySelector(':popover-open'),
    'the card to close',
  );
  await hoverCard(page, term);
  const card = await waitForValue(() => {
    const surface = frameCardSurface(page);
    return surface && cardPart('term-title', surface)?.textContent === text ? surface : undefined;
  }, `the card of ${text}`);
  return {
    definition: cardPart('definition', card)!.textContent!.replace(/\s+/g, ''),
    source: cardPart('source', card)!.textContent!.replace(/\s+/g, ' ').trim(),
  };
}

const stageScripts = (page: Fixture) =>
  [...page.doc.querySelectorAll<HTMLScriptElement>('script[src*="dszd-term."]')].map((script) =>
    new URL(script.src).pathname.split('/').pop(),
  );

describe('dszd-term.iife.js with data-set', () => {
  afterEach(closeFixtures);

  it('annotates the set’s terms and the shipped ones once, and the card shows the set’s definition and source', async () => {
    const page = await openFixture('set');
    await waitForAnnotation(page);
    expect(termTexts(page.doc.getElementById('own')!)).to.deep.equal(['一网通办', '免证办']);
    expect(termTexts(page.doc.getElementById('shipped')!)).to.deep.equal(['数字社会', '未来社区']);
    expect(stageScripts(page)).to.include('dszd-term.sets.js');
    const own = await openCardFor(page, '一网通办');
    expect(own.definition).to.equal('定义：测试定义：一网通办是一个入口办成事。');
    expect(own.source).to.equal(`来源：${DEPARTMENT}`);
    const shipped = await openCardFor(page, '数字社会');
    expect(shipped.source).to.equal(`来源：${SHIPPED}`);
    expect(page.win.__dszdTestLog).to.deep.equal(NO_LOG);
  });

  it('two sets with a shared term: it stands for the first set’s entry; each card names its own set', async () => {
    const page = await openFixture('set-two');
    await waitForAnnotation(page);
    expect(termTexts(page.doc.getElementById('own')!)).to.deep.equal(['一网通办', '免证办', '掌上办']);
    const shared = await openCardFor(page, '一网通办');
    expect(shared.definition).to.equal('定义：重叠定义：先列出的集合里的一网通办。');
    expect(shared.source).to.equal(`来源：${OVERLAP}`);
    expect((await openCardFor(page, '免证办')).source).to.equal(`来源：${DEPARTMENT}`);
    expect((await openCardFor(page, '掌上办')).source).to.equal(`来源：${OVERLAP}`);
    expect(page.win.__dszdTestLog.dszdErrors).to.deep.equal([]);
  });

  it('a malformed set: one dszd-error naming the field, and the page is annotated with the 6.0 set', async () => {
    const page = await openFixture(`set?set=${encodeURIComponent('../sets/bad-definition.json')}`);
    await waitForAnnotation(page);
    const { dszdErrors, errors, warnings } = page.win.__dszdTestLog;
    expect(dszdErrors).to.have.length(1);
    expect(dszdErrors[0]).to.match(
      /^definition set: TypeError: sets\[0\]\.entries\[1\]\.definition\[0\]: expected a string, got 5 \(http:\/\/[^)]+\/fixtures\/sets\/bad-definition\.json\)$/,
    );
    expect(warnings).to.have.length(1);
    expect(errors).to.deep.equal([]);
    expect(termTexts(page.doc.body)).to.deep.equal(['数字社会', '未来社区']);
  });

  it('a set that cannot be fetched (404): one dszd-error, and the other set and the 6.0 set still work', async () => {
    const page = await openFixture(
      `set?set=${encodeURIComponent('../sets/missing.json ../sets/department.json')}`,
    );
    await waitForAnnotation(page);
    const { dszdErrors } = page.win.__dszdTestLog;
    expect(dszdErrors).to.have.length(1);
    expect(dszdErrors[0]).to.match(
      /^definition set: TypeError: sets\[0\]: could not fetch: HTTP 404 \(.*missing\.json\)$/,
    );
    expect(termTexts(page.doc.body)).to.deep.equal(['一网通办', '免证办', '数字社会', '未来社区']);
    expect((await openCardFor(page, '免证办')).source).to.equal(`来源：${DEPARTMENT}`);
  });

  // Each bad set from window.dszdTerm.configureTerms: exactly one report naming the problem; the page keeps its set.
  const BAD_SETS: ReadonlyArray<[what: string, set: unknown, message: RegExp]> = [
    [
      'bad JSON',
      '../sets/not-json.json',
      /^sets\[0\]: not valid JSON \(Unexpected token ',' at line 1, column 29\) \(.+not-json\.json\)$/,
    ],
    [
      'the wrong content type',
      '../sets/wrong-type.txt',
      /^sets\[0\]: expected JSON \(application\/json\), got "text\/plain.*" \(.+wrong-type\.txt\)$/,
    ],
    [
      'no entries',
      { title: 't', version: '1', issuer: 'i', date: '2025-01-01' },
      /^sets\[0\]\.entries: missing$/,
    ],
    [
      'a missing unit',
      {
        title: 't',
        version: '1',
        issuer: 'i',
        date: '2025-01-01',
        entries: [{ serial: 1, term: '一网通办', definition: ['d'] }],
      },
      /^sets\[0\]\.entries\[0\]\.unit: missing$/,
    ],
    [
      'a duplicate name',
      {
        title: 't',
        version: '1',
        issuer: 'i',
        date: '2025-01-01',
        entries: [
          { serial: 1, term: '一网通办', definition: ['d'], unit: 'u' },
          { serial: 2, term: '一网 通办', definition: ['d'], unit: 'u' },
        ],
      },
      /^sets\[0\]\.entries\[1\]\.term: duplicate term: same as “一网通办” of entry 1$/,
    ],
  ];
  for (const [what, set, message] of BAD_SETS)
    it(`configureTerms({ sets }) with ${what}: one dszd-error naming it, nothing thrown, the set unchanged`, async () => {
      const page = await openFixture('basic');
      await waitForAnnotation(page);
      const api = page.win.dszdTerm!;
      const before = api.definitionSet;
      const reported: Array<{ context: string; error: unknown }> = [];
      page.doc.addEventListener('dszd-error', (event) => reported.push(event));
      await api.configureTerms({ sets: [set as string] });
      expect(reported.map(({ context }) => context)).to.deep.equal(['definition set']);
      expect(String((reported[0]!.error as Error).message)).to.match(message);
      expect(page.win.__dszdTestLog.errors).to.deep.equal([]);
      // still the 6.0 set: a term of it has its entry, a name from the refused set has none
      const probe = page.doc.createElement('p');
      probe.innerHTML = '<dszd-term>数字社会</dszd-term><dszd-term>一网通办</dszd-term>';
      page.doc.body.append(probe);
      const [shipped, refused] = [...probe.children] as Array<HTMLElement & { entry?: { serial: number } }>;
      expect(shipped!.entry?.serial).to.equal(1);
      expect(refused!.entry).to.equal(undefined);
      expect(api.definitionSet).to.equal(before);
    });
});
