import { createApp, defineComponent, nextTick, reactive } from 'vue/dist/vue.esm-browser.js';
import { applyUpdate, type Model, type Update } from './model';

/** A mounted app and the way to drive it. */
export interface FrameworkApp {
  readonly host: HTMLElement;
  /** Applies the update and resolves once the framework has committed it to the DOM. */
  update(update: Update): Promise<void>;
  unmount(): void;
}

// A component with a fragment root: its text sits beside an element, delimited by Vue's anchors.
const Card = defineComponent({
  props: { text: { type: String, required: true } },
  template: '{{ text }}<b>。</b>',
});

// One line, no white space between tags: the app's text is exactly the model's.
const TEMPLATE = [
  '<div>',
  '<p class="lone">{{ m.lone }}</p>',
  '<p class="beside">{{ m.beside }}<i>!</i></p>',
  '<ul class="items"><li v-for="item in m.items" :key="item.id">{{ item.text }}</li></ul>',
  '<p v-if="m.flag" class="cond">{{ m.cond }}</p><section v-else class="cond">其他：{{ m.cond }}</section>',
  '<p class="inline">{{ m.head }}<template v-if="m.flag">{{ m.tail }}</template>尾</p>',
  '<div class="card"><Card :text="m.card" /><Card v-if="!m.flag" :text="m.lone" /></div>',
  '<p class="moving"><template v-for="t in m.moving" :key="t.id">{{ t.text }}<br></template></p>',
  '</div>',
].join('');

/** Mounts the Vue 3 app (the full build, its template compiled in the browser) into a new element in the body. */
export function mountVueApp(initial: Model): FrameworkApp {
  const host = document.createElement('div');
  document.body.append(host);
  const model = reactive(structuredClone(initial)) as Model;
  const app = createApp({ components: { Card }, setup: () => ({ m: model }), template: TEMPLATE });
  app.mount(host);
  return {
    host,
    async update(update) {
      applyUpdate(model, update);
      await nextTick();
    },
    unmount() {
      app.unmount();
      host.remove();
    },
  };
}
