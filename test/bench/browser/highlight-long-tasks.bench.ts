import { expect } from '@open-wc/testing';
import { annotate } from '../../../src/annotate/annotate';
import {
  adoptHighlightStyles,
  releaseHighlightStyles,
} from '../../../src/annotate/highlight/highlight-styles';
import { buildArticlePage } from './build-page';
import { frames } from '../../browser/helpers/timing';
import { recordLongTasks, reportLongTasks, type LongTaskFigures } from './long-tasks';

const ONE_MB = 1 << 20;

/** Highlights a fresh 1 MB page and removes it again; returns the durations of the long tasks meanwhile (ms). */
async function measureOnce(html: string): Promise<LongTaskFigures> {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  // Adding or removing any document stylesheet restyles the whole page: about 60-80 ms for this 1 MB of DOM, once
  // each (the page's size, not the matches). Measured apart: adopted before and released after the measurement.
  adoptHighlightStyles(document);
  try {
    await frames(3);
    let result!: Awaited<ReturnType<typeof annotate>['done']>;
    const during = await recordLongTasks(async () => {
      const annotation = annotate(root, { mode: 'highlight', occurrence: 'all' });
      result = await annotation.done;
      await frames(3);
      annotation.remove();
      await frames(3);
    });
    expect(result.matches).to.be.greaterThan(10000);
    console.log(`1 MB page, highlight mode: ${result.matches} matches, ${result.ms.toFixed(0)} ms`);
    return during;
  } finally {
    releaseHighlightStyles(document);
    root.remove();
  }
}

describe('highlight mode: a page of more than 1 MB of text', function (this: { timeout(ms: number): void }) {
  this.timeout(300_000);

  it('long tasks while highlighting and removing (target: none over 50 ms)', async () => {
    const html = buildArticlePage(1, ONE_MB);
    await reportLongTasks('highlight mode, 1 MB page, highlight and remove', () => measureOnce(html));
  });
});
