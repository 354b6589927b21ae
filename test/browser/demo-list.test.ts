import { expect, fixture, html } from '@open-wc/testing';
import { renderDefinitionList, sourceLine } from '../../demo/list';
import { definitionSet } from '../../src/definitions/definition-set.generated';
import type { DefinitionSet } from '../../src/definitions/types';

async function renderedList(set?: DefinitionSet): Promise<HTMLElement> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  renderDefinitionList(container, set);
  return container;
}

function entryOf(container: HTMLElement, serial: number): HTMLElement {
  const item = container.querySelector<HTMLElement>(`li.entry[data-serial="${serial}"]`);
  if (!item) throw new Error(`entry ${serial} not rendered`);
  return item;
}

describe('demo/list.ts', () => {
  it('renders all 45 entries in serial order under the source line', async () => {
    const container = await renderedList();

    const items = [...container.querySelectorAll<HTMLElement>('li.entry')];
    expect(items).to.have.length(45);
    expect(items.map((item) => Number(item.dataset.serial))).to.deep.equal(
      Array.from({ length: 45 }, (_, i) => i + 1),
    );
    expect(container.querySelector('.source')?.textContent).to.equal(
      '数字社会定义集（6.0版） · 浙江省发展和改革委员会 · 2022-04-12',
    );
  });

  it('shows term, definition, notes and unit of an entry', async () => {
    const container = await renderedList();

    const entry = entryOf(container, 6);
    expect(entry.querySelector('.term')?.textContent).to.equal('未来社区');
    expect(entry.querySelector('.unit-name')?.textContent).to.equal('省发展改革委');
    expect(entry.querySelector('.definition')?.textContent).to.match(/^以满足人民美好生活向往为中心/);
    expect(entry.querySelector('.note')?.textContent).to.equal(
      '（注：包括未来邻里、教育、健康、创业、建筑、交通、低碳、服务、治理等九大场景。）',
    );
  });

  it('lists the aliases of an entry', async () => {
    const container = await renderedList();

    const aliases = [...entryOf(container, 23).querySelectorAll('.alias')].map((a) => a.textContent);
    expect(aliases).to.deep.equal(['养老大脑', '智慧养老']);
    expect(entryOf(container, 4).querySelector('.aliases')).to.equal(null);
  });

  it('puts “quoted” definitions in as text, never as HTML', async () => {
    const container = await renderedList();

    const entry = entryOf(container, 3);
    const definition = entry.querySelector('.definition');
    expect(entry.querySelector('.term')?.textContent).to.equal('“总对总”服务');
    expect(definition?.textContent).to.equal(definitionSet.entries[2]?.definition[0]);
    expect(definition?.textContent).to.contain('“总对总”服务指');
    expect(definition?.children).to.have.length(0);
  });

  it('does not interpret markup in a custom set', async () => {
    const hostile: DefinitionSet = {
      title: '示例定义集',
      version: '1.0',
      issuer: '示例<b>机关</b>',
      date: '2024-03-01',
      entries: [
        {
          serial: 1,
          term: '“<img src=x onerror=alert(1)>”服务',
          aliases: ['<i>别名</i>'],
          definition: ['<p>“示例”</p><script>window.__pwned = true</script>'],
          notes: [],
          unit: '市<em>数据</em>局',
        },
      ],
    };
    const container = await renderedList(hostile);

    expect(container.querySelectorAll('img, script, b, i, em')).to.have.length(0);
    expect(container.querySelector('.term')?.textContent).to.equal('“<img src=x onerror=alert(1)>”服务');
    expect(container.querySelector('.definition')?.textContent).to.equal(
      '<p>“示例”</p><script>window.__pwned = true</script>',
    );
    expect(container.querySelector('.source')?.textContent).to.equal(sourceLine(hostile));
  });

  it('replaces what the container held before', async () => {
    const container = await renderedList();
    renderDefinitionList(container);

    expect(container.querySelectorAll('li.entry')).to.have.length(45);
    expect(container.querySelectorAll('.source')).to.have.length(1);
  });
});
