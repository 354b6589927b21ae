import { expect } from '@open-wc/testing';
import type { DszdTermGlobal } from '../../../src/auto';
import { toLiveRange } from '../../../src/annotate/highlight/range-geometry';
import { TERM_INDEX_TAG as INDEX_TAG } from '../../../src/elements/define';
import { waitFor } from './helpers';

type FixtureWindow = Window & typeof globalThis & { dszdTerm?: DszdTermGlobal };

/** Loads a page of this folder's fixtures (the drop-in module and its data attributes) in an iframe. */
async function openFixture(
  name: string,
): Promise<{ iframe: HTMLIFrameElement; win: FixtureWindow; body: string }> {
  const url = new URL(`./fixtures/${name}.html`, import.meta.url).href;
  const source = await (await fetch(url)).text();
  const body = new DOMParser().parseFromString(source, 'text/html').body.innerHTML;
  const iframe = document.createElement('iframe');
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = url;
  document.body.append(iframe);
  await loaded;
  return { iframe, win: iframe.contentWindow as FixtureWindow, body };
}

describe('the drop-in script: data-mode', () => {
  it('data-mode="highlight" highlights the page and leaves <body> as the HTML has it', async () => {
    const { iframe, win, body } = await openFixture('auto-highlight');
    try {
      expect(await waitFor(() => !!win.dszdTerm?.annotation, 600)).to.equal(true);
      const annotation = win.dszdTerm!.annotation!;
      await annotation.done;
      expect(annotation.mode).to.equal('highlight');
      expect(win.document.body.innerHTML).to.equal(body);
      const ranges = [...(win.CSS.highlights.get('dszd-term') ?? [])].map((range) =>
        toLiveRange(range).toString(),
      );
      expect(ranges.sort()).to.deep.equal(['数字社会', '未来社区']);
      // The control sits before <body>, outside the annotated root.
      expect(win.document.body.previousElementSibling?.localName).to.equal(INDEX_TAG);
    } finally {
      iframe.remove();
    }
  });
});
