import { expect } from '@open-wc/testing';
import type { Annotation } from '../../../src/annotate/annotate';
import { expectedFor, expectedMatches } from '../frameworks/faithful';
import { createModel, SCRIPT } from '../frameworks/model';
import { mountReactApp } from '../frameworks/react-app';
import type { MountApp } from '../frameworks/suite';
import type { FrameworkApp } from '../frameworks/vue-app';
import { mountVueApp } from '../frameworks/vue-app';
import { highlight, highlightedRanges } from '../helpers/annotate';
import { captureConsole, type ConsoleCapture } from '../helpers/console';
import { recordMutations } from '../helpers/dom';

/** Each highlighted match under `root` as `term=text`, in document order. */
function highlightedMatches(root: Element): string[] {
  return highlightedRanges()
    .filter((range) => root.contains(range.startContainer))
    .map((range) => `${termOf(range)}=${range.toString()}`);
}

/** The official term a range stands for, looked up the way the oracle names it. */
function termOf(range: Range): string {
  return expectedMatches(wrap(range.toString()))[0]?.split('=')[0] ?? '?';
}

function wrap(text: string): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

for (const [name, mountApp] of [
  ['Vue 3', mountVueApp],
  ['React 19', mountReactApp],
] as Array<[string, MountApp]>) {
  describe(`highlight mode on a ${name} app`, () => {
    let capture: ConsoleCapture;
    let annotation: Annotation | undefined;
    const apps: FrameworkApp[] = [];

    beforeEach(() => {
      capture = captureConsole();
    });
    afterEach(() => {
      capture.restore();
      annotation?.remove();
      annotation = undefined;
      for (const app of apps.splice(0)) app.unmount();
    });

    for (const occurrence of ['all', 'first'] as const)
      it(`leaves the app’s DOM byte-identical through every update, and highlights the terms of each state ("${occurrence}")`, async () => {
        const plain = mountApp(createModel());
        const live = mountApp(createModel());
        apps.push(plain, live);
        const clone = live.host.cloneNode(true);
        const mutations = recordMutations(live.host);
        annotation = await highlight(live.host, { observe: true, occurrence });
        expect(mutations.stop()).to.have.length(0);
        expect(live.host.isEqualNode(clone)).to.equal(true);
        expect(highlightedMatches(live.host)).to.deep.equal(expectedFor(plain.host, occurrence));
        for (const [index, update] of SCRIPT.entries()) {
          const step = `update ${index + 1} ${JSON.stringify(update)}`;
          await plain.update(update);
          await live.update(update);
          expect(live.host.innerHTML, step).to.equal(plain.host.innerHTML);
          await annotation.settled();
          expect(live.host.innerHTML, `${step}, settled`).to.equal(plain.host.innerHTML);
          const expected = expectedFor(plain.host, occurrence);
          expect(highlightedMatches(live.host), step).to.deep.equal(expected);
          expect(annotation.matches, step).to.equal(expected.length);
          expect(capture.messages, step).to.deep.equal([]);
        }
      });
  });
}
