import { expect } from '@open-wc/testing';
import { annotate } from '../../../src/annotate/annotate';
import { buildArticlePage } from '../../bench/browser/build-page';
import { frames } from './helpers';

const ONE_MB = 1 << 20;

/** Long tasks that started at or after `since`, as they are reported so far. */
function observeLongTasks(since: number): { entries: PerformanceEntry[]; stop: () => void } {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= since) entries.push(entry);
  });
  observer.observe({ type: 'longtask', buffered: true });
  return { entries, stop: () => observer.disconnect() };
}

describe('annotate: a page of more than 1 MB of text', () => {
  it('never blocks the main thread for more than 50 ms', async () => {
    const root = document.createElement('div');
    root.innerHTML = buildArticlePage(1, ONE_MB);
    document.body.append(root);
    try {
      const text = root.textContent!;
      expect(text.length).to.be.at.least(ONE_MB);
      // Let the page's own first layout (one long task of the host, not ours) finish first.
      await frames(3);
      const started = performance.now();
      const longTasks = observeLongTasks(started);
      const annotation = annotate(root, { occurrence: 'all' });
      const result = await annotation.done;
      await frames(3);
      // A control: one task of the test's own, blocking 60 ms, which the observer must report.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const control = performance.now();
      while (performance.now() - control < 60);
      await new Promise((resolve) => setTimeout(resolve, 100));
      longTasks.stop();
      const own = longTasks.entries.filter(
        (entry) => entry.startTime >= control - 20 && entry.duration >= 55,
      );
      expect(
        own,
        `the long-task observer works: ${JSON.stringify(longTasks.entries)} ${control}`,
      ).to.have.length(1);
      longTasks.entries.splice(longTasks.entries.indexOf(own[0]!), 1);
      const matchIds = new Set(
        Array.from(root.querySelectorAll('[data-dszd-match]'), (e) => e.getAttribute('data-dszd-match')),
      );
      const whole = root.querySelectorAll('dszd-term[data-dszd-auto]:not([data-dszd-match])').length;
      expect(result.matches).to.equal(whole + matchIds.size);
      expect(result.matches).to.be.greaterThan(10000);
      expect(root.textContent).to.equal(text);
      console.log(
        `1 MB page: ${text.length} chars, ${result.matches} matches, ${result.textNodes} text nodes, ${result.ms.toFixed(0)} ms; long tasks: ${JSON.stringify(longTasks.entries.map((e) => Math.round(e.duration)))}`,
      );
      expect(
        longTasks.entries.filter((entry) => entry.duration > 50).map((entry) => entry.duration),
      ).to.deep.equal([]);
      annotation.remove();
    } finally {
      root.remove();
    }
  });
});
