import { expect } from '@open-wc/testing';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { splitOffDocument } from '../../../src/annotate/wrap/wrap';
import { expectAnnotated, expectSameText } from './faithful';
import { createModel, SCRIPT, type Model } from './model';
import type { FrameworkApp } from './vue-app';
import { captureConsole, type ConsoleCapture } from '../helpers/console';
import { frames } from '../helpers/timing';

export type MountApp = (initial: Model) => FrameworkApp;

/**
 * The tests every framework must pass: the app annotated live (as the drop-in script does) shows, after every
 * update, exactly what its twin without dszd-term shows, logs nothing, and has the new text's terms annotated.
 */
export function describeFramework(name: string, mountApp: MountApp): void {
  describe(`${name}: self-healing wrapping`, () => {
    let capture: ConsoleCapture;
    let annotation: Annotation | undefined;
    const apps: FrameworkApp[] = [];

    const start = async (initial = createModel()) => {
      const plain = mountApp(initial);
      const live = mountApp(initial);
      apps.push(plain, live);
      annotation = annotate(live.host, { observe: true, occurrence: 'all' });
      await annotation.done;
      return { plain, live };
    };

    beforeEach(() => {
      capture = captureConsole();
    });

    afterEach(() => {
      capture.restore();
      annotation?.remove();
      annotation = undefined;
      for (const app of apps.splice(0)) app.unmount();
    });

    it('the issue: a text node beside an element, its term wrapped, then rewritten', async () => {
      const { plain, live } = await start();
      const p = live.host.querySelector('.beside')!;
      const own = p.firstChild;
      expect(p.innerHTML).to.equal(
        '推进<dszd-term term="数字社会" data-dszd-auto="">数字社会</dszd-term>建设<i>!</i>',
      );
      const update = { kind: 'set', field: 'beside', text: '推进数字社会和未来社区建设' } as const;
      await plain.update(update);
      await live.update(update);
      // Before any frame: the text is the app's, the host's node is still first, both terms already wrapped.
      expect(p.textContent).to.equal('推进数字社会和未来社区建设!');
      expect(p.firstChild === own, 'the host’s node is still first').to.equal(true);
      expect(p.innerHTML).to.equal(
        '推进<dszd-term term="数字社会" data-dszd-auto="">数字社会</dszd-term>和' +
          '<dszd-term term="未来社区" data-dszd-auto="">未来社区</dszd-term>建设<i>!</i>',
      );
      expectSameText(live.host, plain.host, capture, 'the rewrite');
    });

    it('without healing the same update corrupts the page (the failure this prevents)', async () => {
      // the annotator's own wrapping, with no annotation watching the app to heal it
      const live = mountApp(createModel());
      apps.push(live);
      const own = live.host.querySelector('.beside')!.firstChild as Text;
      expect(own.data).to.equal('推进数字社会建设');
      const split = splitOffDocument(own);
      split.wrap(2, 6, '数字社会', null);
      split.commit();
      await live.update({ kind: 'set', field: 'beside', text: '推进数字社会和未来社区建设' });
      await frames(2);
      expect(live.host.querySelector('.beside')!.textContent).to.equal(
        '推进数字社会和未来社区建设数字社会建设!',
      );
    });

    it(`stays faithful through ${SCRIPT.length} updates in every position`, async () => {
      const { plain, live } = await start();
      expectSameText(live.host, plain.host, capture, 'mounting');
      expectAnnotated(live.host, plain.host, 'mounting', annotation);
      for (const [index, update] of SCRIPT.entries()) {
        const step = `update ${index + 1} ${JSON.stringify(update)}`;
        await plain.update(update);
        await live.update(update);
        expectSameText(live.host, plain.host, capture, step);
        await annotation!.settled();
        expectSameText(live.host, plain.host, capture, `${step}, settled`);
        expectAnnotated(live.host, plain.host, step, annotation);
      }
    });

    it(`"first" (the default) keeps each term annotated once, at its first occurrence, through ${SCRIPT.length} updates`, async () => {
      const plain = mountApp(createModel());
      const live = mountApp(createModel());
      apps.push(plain, live);
      annotation = annotate(live.host, { observe: true });
      await annotation.done;
      expectAnnotated(live.host, plain.host, 'mounting', annotation, 'first');
      for (const [index, update] of SCRIPT.entries()) {
        const step = `update ${index + 1} ${JSON.stringify(update)}`;
        await plain.update(update);
        await live.update(update);
        expectSameText(live.host, plain.host, capture, step);
        await annotation.settled();
        expectAnnotated(live.host, plain.host, step, annotation, 'first');
      }
    });

    it('updates in quick succession (several per frame) stay faithful', async () => {
      const { plain, live } = await start();
      for (const [index, update] of SCRIPT.entries()) {
        await plain.update(update);
        await live.update(update);
        expectSameText(live.host, plain.host, capture, `update ${index + 1}`);
      }
      await annotation!.settled();
      expectAnnotated(live.host, plain.host, 'the last update', annotation);
    });

    it('remove() after the updates leaves exactly what the app rendered, and the app goes on working', async () => {
      const { plain, live } = await start();
      for (const update of SCRIPT.slice(0, 12)) {
        await plain.update(update);
        await live.update(update);
      }
      await annotation!.settled();
      annotation!.remove();
      expect(live.host.querySelectorAll('dszd-term')).to.have.length(0);
      expect(live.host.innerHTML).to.equal(plain.host.innerHTML);
      expect(live.host.isEqualNode(plain.host), 'the same text nodes').to.equal(true);
      for (const update of SCRIPT.slice(12)) {
        await plain.update(update);
        await live.update(update);
        expectSameText(live.host, plain.host, capture, 'an update after remove()');
      }
    });
  });
}
