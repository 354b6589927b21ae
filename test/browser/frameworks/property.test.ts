import fc from 'fast-check';
import { annotate } from '../../../src/annotate/annotate';
import { expectAnnotated, expectSameText } from './faithful';
import { createModel, PHRASES, type ListField, type TextField, type Update } from './model';
import { mountReactApp } from './react-app';
import type { MountApp } from './suite';
import { mountVueApp } from './vue-app';
import { captureConsole } from '../helpers/console';
import { delayLive, type LiveGate } from '../helpers/delay-live';

const phrase = fc.constantFrom(...PHRASES);
const field = fc.constantFrom<TextField>('lone', 'beside', 'cond', 'head', 'tail', 'card');
const list = fc.constantFrom<ListField>('items', 'moving');
const index = fc.nat({ max: 9 });

const update: fc.Arbitrary<Update> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), field, text: phrase }),
  fc.record({ kind: fc.constant('setItem' as const), list, index, text: phrase }),
  fc.record({ kind: fc.constant('insert' as const), list, index, text: phrase }),
  fc.record({ kind: fc.constant('remove' as const), list, index }),
  fc.record({ kind: fc.constant('move' as const), list, from: index, to: index }),
  fc.record({ kind: fc.constant('reverse' as const), list }),
  fc.constant<Update>({ kind: 'toggle' }),
);

/** One update, and whether the annotation settles after it (otherwise the next update lands at once). */
const step = fc.tuple(update, fc.boolean());

/**
 * Random sequences of updates on an annotated app and its twin: after every update the text and markup are the
 * app's and nothing is logged; after every frame the terms of the whole app are annotated.
 */
function checkRandomUpdates(mountApp: MountApp, occurrence: 'first' | 'all', delayed = false): Promise<void> {
  return fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
      const capture = captureConsole();
      const plain = mountApp(createModel());
      const live = mountApp(createModel());
      // delayed: the live part comes as in the drop-in, after the first pass and the first update
      const gate: LiveGate | undefined = delayed ? delayLive() : undefined;
      const annotation = annotate(live.host, { observe: true, occurrence });
      try {
        await annotation.done;
        for (const [number, [change, wait]] of steps.entries()) {
          const name = `update ${number + 1} ${JSON.stringify(change)}`;
          await plain.update(change);
          await live.update(change);
          // Until the live part is there, nothing heals the framework's rewrites: its arrival makes the text right.
          if (gate && number === 0) {
            gate.release();
            await annotation.settled();
          }
          expectSameText(live.host, plain.host, capture, name);
          if (!wait) continue;
          await annotation.settled();
          expectSameText(live.host, plain.host, capture, `${name}, settled`);
          expectAnnotated(live.host, plain.host, name, annotation, occurrence);
        }
        await annotation.settled();
        expectAnnotated(live.host, plain.host, 'the last update', annotation, occurrence);
      } finally {
        gate?.release();
        capture.restore();
        await annotation.remove();
        gate?.restore();
        plain.unmount();
        live.unmount();
      }
    }),
    { numRuns: 25 },
  );
}

describe('frameworks: random update sequences', function (this: { timeout(ms: number): void }) {
  this.timeout(120_000);

  for (const occurrence of ['all', 'first'] as const) {
    it(`Vue 3 ("${occurrence}"): the text is always the app’s, the terms always annotated`, () =>
      checkRandomUpdates(mountVueApp, occurrence));

    it(`React 19 ("${occurrence}"): the text is always the app’s, the terms always annotated`, () =>
      checkRandomUpdates(mountReactApp, occurrence));

    it(`Vue 3 ("${occurrence}"), the live part arriving after the first update (the drop-in)`, () =>
      checkRandomUpdates(mountVueApp, occurrence, true));

    it(`React 19 ("${occurrence}"), the live part arriving after the first update (the drop-in)`, () =>
      checkRandomUpdates(mountReactApp, occurrence, true));
  }
});
