import { createElement as h, Fragment, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { applyUpdate, type Model, type Update } from './model';
import type { FrameworkApp } from './vue-app';

/** A component returning a fragment: its text node sits beside an element. */
function Card({ text }: { text: string }) {
  return h(Fragment, null, text, h('b', null, '。'));
}

function App({ initial, expose }: { initial: Model; expose: (set: (update: Update) => void) => void }) {
  const [m, setModel] = useState(initial);
  expose((update) =>
    setModel((current) => {
      const next = structuredClone(current);
      applyUpdate(next, update);
      return next;
    }),
  );
  return h(
    'div',
    null,
    h('p', { className: 'lone' }, m.lone),
    h('p', { className: 'beside' }, m.beside, h('i', null, '!')),
    h(
      'ul',
      { className: 'items' },
      m.items.map((item) => h('li', { key: item.id }, item.text)),
    ),
    m.flag ? h('p', { className: 'cond' }, m.cond) : h('section', { className: 'cond' }, '其他：', m.cond),
    h('p', { className: 'inline' }, m.head, m.flag ? m.tail : null, '尾'),
    h('div', { className: 'card' }, h(Card, { text: m.card }), m.flag ? null : h(Card, { text: m.lone })),
    h(
      'p',
      { className: 'moving' },
      m.moving.map((item) => h(Fragment, { key: item.id }, item.text, h('br'))),
    ),
  );
}

/** Mounts the React 19 app (createRoot) into a new element in the body; every update is committed with flushSync. */
export function mountReactApp(initial: Model): FrameworkApp {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  let set: ((update: Update) => void) | undefined;
  flushSync(() =>
    root.render(h(App, { initial: structuredClone(initial), expose: (setter) => (set = setter) })),
  );
  return {
    host,
    async update(update) {
      flushSync(() => set!(update));
      // The commit is synchronous; the observer's callback (healing) is the microtask right after it.
      await Promise.resolve();
    },
    unmount() {
      flushSync(() => root.unmount());
      host.remove();
    },
  };
}
