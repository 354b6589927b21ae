/**
 * The state both framework apps render, and the updates the tests drive. Every place a framework can own text has
 * a field: a lone text child, text beside an element, a keyed list, conditional branches (a whole element and an
 * inline text), components (with a fragment root) and text that moves (keyed fragments of text and <br>).
 */
export interface Item {
  id: number;
  text: string;
}

export interface Model {
  /** `<p class="lone">{lone}</p>`: the element's only child. */
  lone: string;
  /** `<p class="beside">{beside}<i>!</i></p>`. */
  beside: string;
  /** `<ul><li key>{text}</li>…</ul>`. */
  items: Item[];
  /** Which branch renders: `<p>{cond}</p>` or `<section>其他：{cond}</section>`; also shows `tail` and a second card. */
  flag: boolean;
  cond: string;
  /** `<p class="inline">{head}{flag && tail}尾</p>`: text nodes side by side, one of them conditional. */
  head: string;
  tail: string;
  /** `<Card text>` renders a fragment: `{text}<b>。</b>`. */
  card: string;
  /** `<p class="moving">{text}<br>…</p>`, one keyed fragment per item: reordering moves the text nodes themselves. */
  moving: Item[];
  nextId: number;
}

/** Texts the updates choose from: with terms, without, empty, and halves of a term that may meet across nodes. */
export const PHRASES: readonly string[] = [
  '推进数字社会建设',
  '推进数字社会和未来社区建设',
  '城市大脑',
  '一句没有名词的话',
  '浙农码与安心码',
  '未来乡村和数字乡村',
  '',
  '推进数字',
  '社会建设',
  '办事指南',
  '健康大脑，教育大脑',
  '智慧健身',
  '“总对总”服务上线',
];

export type TextField = 'lone' | 'beside' | 'cond' | 'head' | 'tail' | 'card';
export type ListField = 'items' | 'moving';

export type Update =
  | { kind: 'set'; field: TextField; text: string }
  | { kind: 'setItem'; list: ListField; index: number; text: string }
  | { kind: 'insert'; list: ListField; index: number; text: string }
  | { kind: 'remove'; list: ListField; index: number }
  | { kind: 'move'; list: ListField; from: number; to: number }
  | { kind: 'reverse'; list: ListField }
  | { kind: 'toggle' };

export function createModel(): Model {
  return {
    lone: '城市大脑',
    beside: '推进数字社会建设',
    items: [
      { id: 1, text: '浙农码与安心码' },
      { id: 2, text: '一句没有名词的话' },
      { id: 3, text: '未来乡村和数字乡村' },
    ],
    flag: true,
    cond: '健康大脑，教育大脑',
    head: '推进数字',
    tail: '社会建设',
    card: '智慧健身',
    moving: [
      { id: 4, text: '城市大脑' },
      { id: 5, text: '推进数字社会建设' },
      { id: 6, text: '办事指南' },
      { id: 7, text: '未来社区' },
    ],
    nextId: 8,
  };
}

/** Applies one update in place. Indices wrap around the list's length, so any generated index is valid. */
export function applyUpdate(model: Model, update: Update): void {
  switch (update.kind) {
    case 'set':
      model[update.field] = update.text;
      return;
    case 'toggle':
      model.flag = !model.flag;
      return;
    case 'insert': {
      const list = model[update.list];
      list.splice(update.index % (list.length + 1), 0, { id: model.nextId++, text: update.text });
      return;
    }
    case 'reverse':
      model[update.list].reverse();
      return;
  }
  const list = model[update.list];
  if (!list.length) return;
  switch (update.kind) {
    case 'setItem':
      list[update.index % list.length]!.text = update.text;
      return;
    case 'remove':
      list.splice(update.index % list.length, 1);
      return;
    case 'move': {
      const [item] = list.splice(update.from % list.length, 1);
      list.splice(update.to % (list.length + 1), 0, item!);
      return;
    }
  }
}

/** A fixed script of updates touching every position: change, insert, remove, reorder and toggle. */
export const SCRIPT: readonly Update[] = [
  { kind: 'set', field: 'beside', text: '推进数字社会和未来社区建设' },
  { kind: 'set', field: 'lone', text: '浙农码与安心码' },
  { kind: 'setItem', list: 'items', index: 1, text: '城市大脑' },
  { kind: 'insert', list: 'items', index: 0, text: '推进数字社会建设' },
  { kind: 'move', list: 'items', from: 0, to: 3 },
  { kind: 'remove', list: 'items', index: 2 },
  { kind: 'toggle' },
  { kind: 'set', field: 'cond', text: '未来乡村和数字乡村' },
  { kind: 'set', field: 'head', text: '城市大脑' },
  { kind: 'toggle' },
  { kind: 'set', field: 'tail', text: '社会建设' },
  { kind: 'set', field: 'head', text: '推进数字' },
  { kind: 'set', field: 'card', text: '推进数字社会建设' },
  { kind: 'move', list: 'moving', from: 0, to: 3 },
  { kind: 'reverse', list: 'moving' },
  { kind: 'setItem', list: 'moving', index: 2, text: '健康大脑，教育大脑' },
  { kind: 'insert', list: 'moving', index: 1, text: '浙农码与安心码' },
  { kind: 'remove', list: 'moving', index: 0 },
  { kind: 'set', field: 'beside', text: '' },
  { kind: 'set', field: 'beside', text: '城市大脑' },
  { kind: 'toggle' },
  { kind: 'set', field: 'lone', text: '' },
  { kind: 'set', field: 'lone', text: '未来社区' },
  { kind: 'reverse', list: 'items' },
  { kind: 'set', field: 'tail', text: '一句没有名词的话' },
  { kind: 'toggle' },
  { kind: 'set', field: 'card', text: '' },
  { kind: 'set', field: 'card', text: '“总对总”服务上线' },
  { kind: 'move', list: 'moving', from: 2, to: 0 },
  { kind: 'setItem', list: 'moving', index: 0, text: '推进数字社会和未来社区建设' },
];
