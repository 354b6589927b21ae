// Renders a whole definition set as a plain list. Text goes in through textContent only: definitions quote
// “…” and write “互联网+…”, and none of it may ever be read as HTML.
import { definitionSet } from '../src/definitions/definition-set.generated';
import type { DefinitionEntry, DefinitionSet } from '../src/definitions/types';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The source line, e.g. 数字社会定义集（6.0版） · 浙江省发展和改革委员会 · 2022-04-12. */
export function sourceLine(set: DefinitionSet): string {
  return `${set.title}（${set.version}版） · ${set.issuer} · ${set.date}`;
}

function renderEntry(entry: DefinitionEntry): HTMLElement {
  const item = element('li', undefined, 'entry');
  item.id = `entry-${entry.serial}`;
  item.dataset.serial = String(entry.serial);

  const heading = element('h2');
  heading.append(element('span', `${entry.serial}. `, 'serial'), element('span', entry.term, 'term'));
  item.append(heading);

  if (entry.aliases.length) {
    const aliases = element('p', undefined, 'aliases');
    aliases.append('又称：');
    entry.aliases.forEach((alias, i) => {
      if (i) aliases.append('、');
      aliases.append(element('span', alias, 'alias'));
    });
    item.append(aliases);
  }
  for (const paragraph of entry.definition) item.append(element('p', paragraph, 'definition'));
  for (const note of entry.notes) item.append(element('p', note, 'note'));
  const unit = element('p', '解释单位：', 'unit');
  unit.append(element('span', entry.unit, 'unit-name'));
  item.append(unit);
  return item;
}

/** Replaces the container's content with the set's source line and one list item per entry, in serial order. */
export function renderDefinitionList(container: HTMLElement, set: DefinitionSet = definitionSet): void {
  const list = element('ol', undefined, 'definition-list');
  list.append(...set.entries.map(renderEntry));
  container.replaceChildren(element('p', sourceLine(set), 'source'), list);
}
