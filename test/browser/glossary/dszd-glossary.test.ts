import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core';
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import { configureTerms, resetTermsConfig } from '../../../src/config/terms-config';
import type { DefinitionSet } from '../../../src/definitions/types';
import type { DszdErrorEvent } from '../../../src/events/error-event';
import type { DszdGlossary } from '../../../src/glossary/dszd-glossary';
import '../../../src/glossary/define-glossary';
import { warningsDuring } from '../helpers/console';

declare global {
  interface Window {
    axe: { run(context: Node): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
  }
}

const allSerials = definitionSet.entries.map((entry) => entry.serial);

async function renderedGlossary(template = html`<dszd-glossary></dszd-glossary>`): Promise<DszdGlossary> {
  const glossary = await fixture<DszdGlossary>(template);
  await glossary.updateComplete;
  return glossary;
}

function shadow(glossary: DszdGlossary): ShadowRoot {
  if (!glossary.shadowRoot) throw new Error('no shadow root');
  return glossary.shadowRoot;
}

function entryOf(glossary: DszdGlossary, serial: number): HTMLElement {
  const entry = shadow(glossary).querySelector<HTMLElement>(`article[data-serial="${serial}"]`);
  if (!entry) throw new Error(`entry ${serial} not rendered`);
  return entry;
}

function visibleSerials(glossary: DszdGlossary): number[] {
  return [...shadow(glossary).querySelectorAll<HTMLElement>('article')]
    .filter((article) => !article.hidden && article.getClientRects().length > 0)
    .map((article) => Number(article.dataset.serial));
}

function inputOf(glossary: DszdGlossary): HTMLInputElement {
  const input = shadow(glossary).querySelector('input');
  if (!input) throw new Error('no search field');
  return input;
}

function countText(glossary: DszdGlossary): string {
  return shadow(glossary).querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

/** Types into the search field with real key presses, as a reader would. */
async function typeQuery(glossary: DszdGlossary, text: string): Promise<void> {
  inputOf(glossary).focus();
  await sendKeys({ type: text });
  await glossary.updateComplete;
}

async function clearQuery(glossary: DszdGlossary): Promise<void> {
  inputOf(glossary).focus();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
  await sendKeys({ press: 'Backspace' });
  await glossary.updateComplete;
}

function isInViewport(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.top >= 0 && rect.top < window.innerHeight;
}

async function navigateTo(hash: string): Promise<void> {
  const changed = oneEvent(window, 'hashchange');
  location.hash = hash;
  await changed;
}

afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  window.scrollTo(0, 0);
});

describe('<dszd-glossary> rendering', () => {
  it('renders all 45 entries exactly as in the set, in serial order', async () => {
    const glossary = await renderedGlossary();

    expect(visibleSerials(glossary)).to.deep.equal(allSerials);
    expect(allSerials).to.have.length(45);
    for (const entry of definitionSet.entries) {
      const article = entryOf(glossary, entry.serial);
      const text = (selector: string) =>
        [...article.querySelectorAll(selector)].map((node) => node.textContent);
      expect(article.querySelector('.serial')?.textContent, `serial ${entry.serial}`).to.equal(
        String(entry.serial),
      );
      expect(article.querySelector('.term-text')?.textContent).to.equal(entry.term);
      expect(text('.alias')).to.deep.equal(entry.aliases);
      expect(text('.definition')).to.deep.equal(entry.definition);
      expect(text('.note')).to.deep.equal(entry.notes);
      expect(article.querySelector('.unit-name')?.textContent).to.equal(entry.unit);
    }
  });

  it('gives every entry a heading naming it, labelled article and Chinese content', async () => {
    const glossary = await renderedGlossary();

    const article = entryOf(glossary, 23);
    const heading = article.querySelector('h2');
    expect(heading?.textContent?.replace(/\s+/g, '')).to.equal('23养老大脑+智慧养老');
    expect(article.getAttribute('aria-labelledby')).to.equal(heading?.id);
    expect(article.closest('[lang]')?.getAttribute('lang')).to.equal('zh-CN');
    expect(shadow(glossary).querySelectorAll('article > h2')).to.have.length(45);
  });

  it('shows the Chinese interface words by default', async () => {
    const glossary = await renderedGlossary();

    const label = shadow(glossary).querySelector('label');
    expect(label?.textContent).to.equal('搜索术语');
    expect(label?.control).to.equal(inputOf(glossary));
    expect(inputOf(glossary).type).to.equal('search');
    expect(countText(glossary)).to.equal('45 条');
    expect(entryOf(glossary, 23).querySelector('.aliases .label')?.textContent).to.equal('别名：');
    expect(entryOf(glossary, 23).querySelector('.unit .label')?.textContent).to.equal('解释单位：');
    expect(entryOf(glossary, 1).querySelector('[role="note"]')?.getAttribute('aria-label')).to.equal('注');
    expect(shadow(glossary).querySelector('.source')?.textContent).to.equal(
      '数字社会定义集（6.0版） · 浙江省发展和改革委员会 · 2022-04-12',
    );
  });

  it('shows English interface words for lang="en", marked as English', async () => {
    const glossary = await renderedGlossary(html`<dszd-glossary lang="en"></dszd-glossary>`);

    expect(shadow(glossary).querySelector('label')?.textContent).to.equal('Search terms');
    expect(shadow(glossary).querySelector('label')?.getAttribute('lang')).to.equal('en');
    expect(countText(glossary)).to.equal('45 entries');
    expect(entryOf(glossary, 23).querySelector('.aliases .label')?.textContent).to.equal('Also called: ');
    expect(entryOf(glossary, 23).querySelector('.unit .label')?.textContent).to.equal('Responsible unit: ');
    expect(entryOf(glossary, 1).querySelector('[role="note"]')?.getAttribute('aria-label')).to.equal('Notes');
    expect(glossary.lang).to.equal('en');

    await typeQuery(glossary, '浙农码');
    expect(countText(glossary)).to.equal('1 entry');
    await clearQuery(glossary);
    await typeQuery(glossary, '量子引力');
    expect(countText(glossary)).to.equal('No matches');
  });

  it('switches the interface language when lang changes', async () => {
    const glossary = await renderedGlossary();

    glossary.lang = 'en';
    await glossary.updateComplete;

    expect(shadow(glossary).querySelector('label')?.textContent).to.equal('Search terms');
  });

  it('picks its language as the card does: its own zh or en lang, else configureTerms, never an ancestor', async () => {
    const label = (glossary: DszdGlossary) => shadow(glossary).querySelector('label')?.textContent;
    try {
      const host = await fixture<HTMLElement>(
        html`<div lang="en">
          <dszd-glossary id="plain"></dszd-glossary><dszd-glossary id="zh" lang="zh-Hans"></dszd-glossary
          ><dszd-glossary id="other" lang="fr"></dszd-glossary>
        </div>`,
      );
      const [plain, zh, other] = ['plain', 'zh', 'other'].map((id) =>
        host.querySelector<DszdGlossary>(`#${id}`)!,
      ) as [DszdGlossary, DszdGlossary, DszdGlossary];
      await Promise.all([plain.updateComplete, zh.updateComplete, other.updateComplete]);
      expect([label(plain), label(zh), label(other)]).to.deep.equal(['搜索术语', '搜索术语', '搜索术语']);

      configureTerms({ lang: 'en' });
      await Promise.all([plain.updateComplete, zh.updateComplete, other.updateComplete]);
      expect([label(plain), label(zh), label(other)]).to.deep.equal([
        'Search terms',
        '搜索术语',
        'Search terms',
      ]);
    } finally {
      resetTermsConfig();
    }
  });

  it('uses the heading level it is given', async () => {
    const glossary = await renderedGlossary(html`<dszd-glossary heading-level="3"></dszd-glossary>`);

    expect(shadow(glossary).querySelectorAll('article > h3')).to.have.length(45);
    expect(shadow(glossary).querySelectorAll('h2')).to.have.length(0);
  });

  it('renders definitions as text, never as HTML', async () => {
    const hostile: DefinitionSet = {
      title: '示例<b>定义集</b>',
      version: '1.0',
      issuer: '示例<i>机关</i>',
      date: '2024-03-01',
      entries: [
        {
          serial: 1,
          term: '“<img src=x onerror="window.__pwned=1">”服务',
          aliases: ['<i>别名</i>'],
          definition: ['<p>“示例”</p><script>window.__pwned = true</script>'],
          notes: ['<em>注</em>'],
          unit: '市<u>数据</u>局',
        },
      ],
    };
    const glossary = await renderedGlossary(html`<dszd-glossary .set=${hostile}></dszd-glossary>`);
    await aTimeout(0);

    expect(shadow(glossary).querySelectorAll('img, script, b, i, em, u')).to.have.length(0);
    expect((window as unknown as { __pwned?: unknown }).__pwned).to.equal(undefined);
    expect(entryOf(glossary, 1).querySelector('.term-text')?.textContent).to.equal(hostile.entries[0]!.term);
    expect(entryOf(glossary, 1).querySelector('.definition')?.textContent).to.equal(
      hostile.entries[0]!.definition[0],
    );
    expect(entryOf(glossary, 1).querySelector('.unit-name')?.textContent).to.equal('市<u>数据</u>局');

    await typeQuery(glossary, '<u>');
    expect(entryOf(glossary, 1).querySelector('.unit-name mark')?.textContent).to.equal('<u>');
    expect(shadow(glossary).querySelectorAll('u')).to.have.length(0);
  });
});

describe('<dszd-glossary> search', () => {
  it('narrows by term', async () => {
    const glossary = await renderedGlossary();

    await typeQuery(glossary, '浙农码');

    expect(visibleSerials(glossary)).to.deep.equal([34]);
    expect(countText(glossary)).to.equal('1 条');
    expect(glossary.query).to.equal('浙农码');
  });

  it('narrows by alias', async () => {
    const glossary = await renderedGlossary();

    await typeQuery(glossary, '智慧养老');

    expect(visibleSerials(glossary)).to.deep.equal([23]);
    expect(entryOf(glossary, 23).querySelector('.term-text mark')?.textContent).to.equal('智慧养老');
    expect(entryOf(glossary, 23).querySelector('.alias mark')?.textContent).to.equal('智慧养老');
    expect(
      [...entryOf(glossary, 23).querySelectorAll('.alias')].map(
        (alias) => alias.querySelector('mark')?.textContent,
      ),
    ).to.deep.equal([undefined, '智慧养老']);
  });

  it('narrows by definition text', async () => {
    const glossary = await renderedGlossary();

    await typeQuery(glossary, '人民美好生活向往');

    expect(visibleSerials(glossary)).to.deep.equal([6]);
    expect(entryOf(glossary, 6).querySelector('.definition mark')?.textContent).to.equal('人民美好生活向往');
  });

  it('narrows by unit', async () => {
    const glossary = await renderedGlossary();

    await typeQuery(glossary, '省体育局');

    expect(visibleSerials(glossary)).to.deep.equal([43, 44, 45]);
    expect(countText(glossary)).to.equal('3 条');
    expect(entryOf(glossary, 44).querySelector('.unit-name mark')?.textContent).to.equal('省体育局');
  });

  it('ignores quote marks, white space, full width and case', async () => {
    const glossary = await renderedGlossary();

    for (const [query, serials] of [
      ['教育「一张图」', [10]],
      ['"总对总"服务', [3]],
      ['智慧 养老', [23]],
      ['ＣＩＭ', [29]],
      ['cim', [29]],
    ] as const) {
      await clearQuery(glossary);
      await typeQuery(glossary, query);
      expect(visibleSerials(glossary), query).to.deep.equal(serials);
    }
  });

  it('says 无匹配 and shows nothing when nothing matches', async () => {
    const glossary = await renderedGlossary();

    await typeQuery(glossary, '量子引力');

    expect(visibleSerials(glossary)).to.deep.equal([]);
    expect(countText(glossary)).to.equal('无匹配');
  });

  it('restores all 45 entries when the field is cleared', async () => {
    const glossary = await renderedGlossary();
    await typeQuery(glossary, '省体育局');

    await clearQuery(glossary);

    expect(visibleSerials(glossary)).to.deep.equal(allSerials);
    expect(countText(glossary)).to.equal('45 条');
    expect(shadow(glossary).querySelectorAll('mark')).to.have.length(0);
  });

  it('restores all entries when Escape clears the field', async () => {
    const glossary = await renderedGlossary();
    await typeQuery(glossary, '省体育局');

    await sendKeys({ press: 'Escape' });
    await glossary.updateComplete;

    expect(inputOf(glossary).value).to.equal('');
    expect(visibleSerials(glossary)).to.deep.equal(allSerials);
  });

  it('announces the count politely in one status region (the other announces copying)', async () => {
    const glossary = await renderedGlossary();

    const status = shadow(glossary).querySelectorAll('[role="status"]');
    expect([...status].map((region) => region.id)).to.deep.equal(['count', 'copy-status']);
    expect(inputOf(glossary).getAttribute('aria-describedby')).to.equal(status[0]?.id);
  });

  it('takes a query set as a property and shows it in the field', async () => {
    const glossary = await renderedGlossary(html`<dszd-glossary query="省科协"></dszd-glossary>`);

    expect(inputOf(glossary).value).to.equal('省科协');
    expect(visibleSerials(glossary)).to.deep.equal([42]);

    glossary.query = '';
    await glossary.updateComplete;
    expect(inputOf(glossary).value).to.equal('');
    expect(visibleSerials(glossary)).to.have.length(45);
  });

  it('keeps the query attribute in step with the search field, and drops it when the field is empty', async () => {
    const glossary = await renderedGlossary();
    expect(glossary.hasAttribute('query')).to.equal(false);

    await typeQuery(glossary, '浙农码');
    expect(glossary.getAttribute('query')).to.equal('浙农码');

    await clearQuery(glossary);
    expect(glossary.hasAttribute('query')).to.equal(false);

    glossary.setAttribute('query', '省科协');
    await glossary.updateComplete;
    expect(inputOf(glossary).value).to.equal('省科协');
    expect(visibleSerials(glossary)).to.deep.equal([42]);

    glossary.removeAttribute('query');
    await glossary.updateComplete;
    expect(glossary.query).to.equal('');
    expect(visibleSerials(glossary)).to.have.length(45);
  });
});

describe('<dszd-glossary> anchors', () => {
  it('has a light-DOM anchor with id dszd-entry-N for every serial', async () => {
    const glossary = await renderedGlossary();

    for (const serial of allSerials) {
      const anchor = document.getElementById(`dszd-entry-${serial}`);
      expect(anchor?.parentElement, `anchor ${serial}`).to.equal(glossary);
      expect(anchor?.assignedSlot?.closest('article')).to.equal(entryOf(glossary, serial));
    }
    expect(glossary.children).to.have.length(45);
  });

  it('scrolls a #dszd-entry-N fragment into view and marks the entry', async () => {
    const glossary = await renderedGlossary();
    expect(isInViewport(entryOf(glossary, 23))).to.equal(false);

    await navigateTo('#dszd-entry-23');
    await glossary.updateComplete;

    expect(isInViewport(entryOf(glossary, 23))).to.equal(true);
    expect(isInViewport(document.getElementById('dszd-entry-23')!)).to.equal(true);
    expect(entryOf(glossary, 23).part.contains('target')).to.equal(true);
    expect(entryOf(glossary, 22).part.contains('target')).to.equal(false);
    expect(shadow(glossary).activeElement).to.equal(entryOf(glossary, 23).querySelector('h2'));
  });

  it('clears a search that hides the targeted entry', async () => {
    const glossary = await renderedGlossary();
    await typeQuery(glossary, '省体育局');

    await navigateTo('#dszd-entry-23');
    await glossary.updateComplete;

    expect(inputOf(glossary).value).to.equal('');
    expect(visibleSerials(glossary)).to.have.length(45);
    expect(isInViewport(entryOf(glossary, 23))).to.equal(true);
  });

  it('keeps a search that already shows the targeted entry', async () => {
    const glossary = await renderedGlossary();
    await typeQuery(glossary, '省体育局');

    await navigateTo('#dszd-entry-44');
    await glossary.updateComplete;

    expect(inputOf(glossary).value).to.equal('省体育局');
    expect(visibleSerials(glossary)).to.deep.equal([43, 44, 45]);
  });

  it('scrolls to the entry the URL names when it connects', async () => {
    history.replaceState(null, '', '#dszd-entry-40');

    const glossary = await renderedGlossary();
    await glossary.updateComplete;

    expect(isInViewport(entryOf(glossary, 40))).to.equal(true);
    expect(entryOf(glossary, 40).part.contains('target')).to.equal(true);
  });

  it('forgets the target when the fragment names no entry', async () => {
    const glossary = await renderedGlossary();
    await navigateTo('#dszd-entry-23');

    await navigateTo('#elsewhere');
    await glossary.updateComplete;

    expect(shadow(glossary).querySelectorAll('article.target')).to.have.length(0);
  });

  it('keeps exactly one anchor per entry of a new set', async () => {
    const glossary = await renderedGlossary();
    const set: DefinitionSet = {
      ...definitionSet,
      entries: [definitionSet.entries[6]!, { ...definitionSet.entries[8]!, serial: 90 }],
    };

    glossary.set = set;
    await glossary.updateComplete;

    expect([...glossary.children].map((child) => child.id)).to.deep.equal(['dszd-entry-7', 'dszd-entry-90']);
    expect(visibleSerials(glossary)).to.deep.equal([7, 90]);
  });

  it('stops following the fragment once removed', async () => {
    const glossary = await renderedGlossary();
    glossary.remove();

    await navigateTo('#dszd-entry-5');
    await glossary.updateComplete;

    expect(entryOf(glossary, 5).part.contains('target')).to.equal(false);
  });
});

describe('<dszd-glossary> robustness and accessibility', () => {
  it('reports a broken set as dszd-error instead of throwing', async () => {
    const glossary = await renderedGlossary();
    await warningsDuring(async () => {
      const reported = oneEvent(glossary, 'dszd-error') as Promise<DszdErrorEvent>;
      glossary.set = { ...definitionSet, entries: null } as unknown as DefinitionSet;
      const event = await reported;
      await glossary.updateComplete;
      expect(event.context).to.match(/^glossary /);
    });
  });

  it('passes axe-core with all entries and during a search', async () => {
    const glossary = await renderedGlossary();

    const all = await window.axe.run(glossary);
    expect(all.violations.map((v) => v.id)).to.deep.equal([]);

    await typeQuery(glossary, '养老');
    const searching = await window.axe.run(glossary);
    expect(searching.violations.map((v) => v.id)).to.deep.equal([]);
  });

  it('shows a visible focus outline on the search field', async () => {
    const glossary = await renderedGlossary();
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });

    const style = getComputedStyle(inputOf(glossary));
    expect(shadow(glossary).activeElement).to.equal(inputOf(glossary));
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('3px');
  });
});

describe('<dszd-glossary> on an annotated page', () => {
  it('is left alone by the page annotator; the page content around it is not', async () => {
    const { annotate } = await import('../../../src/annotate/annotate');
    const container = await fixture<HTMLDivElement>(
      html`<div>
        <p>城市大脑</p>
        <dszd-glossary><p>数字社会</p></dszd-glossary>
      </div>`,
    );
    const glossary = container.querySelector('dszd-glossary')!;
    await glossary.updateComplete;

    await annotate(container, { occurrence: 'all', shadow: true }).done;

    expect([...container.querySelectorAll('dszd-term')].map((term) => term.textContent)).to.deep.equal([
      '城市大脑',
      '数字社会',
    ]);
    expect(shadow(glossary).querySelectorAll('dszd-term')).to.have.length(0);
    expect(shadow(glossary).querySelector('.source')?.textContent).to.contain('数字社会定义集');
  });
});
