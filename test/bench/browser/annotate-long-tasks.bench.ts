import { expect } from '@open-wc/testing';
import { annotate } from '../../../src/annotate/annotate';
import { buildArticlePage } from './build-page';
import { frames } from '../../browser/helpers/timing';
import { recordLongTasks, reportLongTasks, type LongTaskFigures } from './long-tasks';

const ONE_MB = 1 << 20;

/** Annotates a fresh 1 MB page (occurrence "all"), checks the result, returns the long tasks meanwhile (ms). */
async function measureOnce(html: string): Promise<LongTaskFigures> {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  try {
    const text = root.textContent!;
    expect(text.length).to.be.at.least(ONE_MB);
    // Let the page's own first layout (one long task of the host, not ours) finish first.
    await frames(3);
    let annotation!: ReturnType<typeof annotate>;
    let result!: Awaited<ReturnType<typeof annotate>['done']>;
    const during = await recordLongTasks(async () => {
      annotation = annotate(root, { occurrence: 'all' });
      result = await annotation.done;
      await frames(3);
    });

    const matchIds = new Set(
      Array.from(root.querySelectorAll('[data-dszd-match]'), (element) =>
        element.getAttribute('data-dszd-match'),
      ),
    );
    const whole = root.querySelectorAll('dszd-term[data-dszd-auto]:not([data-dszd-match])').length;
    expect(result.matches).to.equal(whole + matchIds.size);
    expect(result.matches).to.be.greaterThan(10000);
    expect(root.textContent).to.equal(text);
    console.log(
      `1 MB page: ${text.length} chars, ${result.matches} matches, ${result.textNodes} text nodes, ${result.ms.toFixed(0)} ms; ${during.tasks.length} long tasks`,
    );
    annotation.remove();
    return during;
  } finally {
    root.remove();
  }
}

describe('annotate: a page of more than 1 MB of text', function (this: { timeout(ms: number): void }) {
  this.timeout(300_000);

  it('long tasks while annotating (target: none over 50 ms)', async () => {
    const html = buildArticlePage(1, ONE_MB);
    await reportLongTasks('annotate, 1 MB page, occurrence "all"', () => measureOnce(html));
  });
});
