import { expect } from '@open-wc/testing';
import { annotate } from '../../../src/annotate/annotate';
import { runInSlices } from '../../../src/annotate/schedule';
import { buildArticlePage } from '../../bench/browser/build-page';
import { FakeClock } from '../../fake-clock';

// How the work yields to the page, checked by order of events, never by how long anything took: these hold on a
// loaded machine as on an idle one. The durations themselves are measured by `npm run bench`.

describe('runInSlices in Chromium, with the real frame source', () => {
  it('renders a frame and runs the tasks queued meanwhile between any two slices', async () => {
    // Slices measured on a fake clock (each step costs 1 ms): 8 steps a slice, whatever the machine's speed.
    const clock = new FakeClock();
    const log: string[] = [];
    let frames = 0;
    const countFrames = () => {
      frames++;
      if (counting) requestAnimationFrame(countFrames);
    };
    let counting = true;
    requestAnimationFrame(countFrames);
    function* steps(): Generator<void> {
      for (let i = 0; i < 40; i++) {
        // A task of the host queued from inside a slice, to learn whether it runs before the next slice.
        if (i % 8 === 0) setTimeout(() => log.push(`host task ${i}`));
        clock.time += 1;
        yield;
      }
    }
    const framesAtSlice: number[] = [];
    try {
      const done = await runInSlices(steps(), {
        now: clock.now,
        beforeSlice: () => {
          framesAtSlice.push(frames);
          log.push('slice');
        },
      });
      expect(done).to.equal(true);
    } finally {
      counting = false;
    }
    // 5 full slices and the one that finds the iterator done.
    expect(framesAtSlice).to.have.length(6);
    for (let i = 1; i < framesAtSlice.length; i++)
      expect(framesAtSlice[i], `a frame rendered before slice ${i + 1}`).to.be.greaterThan(
        framesAtSlice[i - 1]!,
      );
    expect(log).to.deep.equal([
      'slice',
      'host task 0',
      'slice',
      'host task 8',
      'slice',
      'host task 16',
      'slice',
      'host task 24',
      'slice',
      'host task 32',
      'slice',
    ]);
  });
});

describe('annotate yields to the page while it works', function (this: { timeout(ms: number): void }) {
  this.timeout(60_000);

  it('a 200 KB page: frames render and a host task runs before the annotation is done', async () => {
    const root = document.createElement('div');
    root.innerHTML = buildArticlePage(2, 200_000);
    document.body.append(root);
    try {
      let frames = 0;
      let counting = true;
      const countFrames = () => {
        frames++;
        if (counting) requestAnimationFrame(countFrames);
      };
      requestAnimationFrame(countFrames);
      const annotation = annotate(root, { occurrence: 'all' });
      let hostRan = false;
      setTimeout(() => (hostRan = true));
      const result = await annotation.done;
      counting = false;
      const framesWhileAnnotating = frames;

      expect(result.matches).to.be.greaterThan(1000);
      expect(hostRan, 'a task queued by the host ran before the annotation finished').to.equal(true);
      // Whatever the machine's speed, 200 KB of text is many 8 ms slices: at least a few frames in between.
      expect(framesWhileAnnotating).to.be.at.least(2);
      annotation.remove();
    } finally {
      root.remove();
    }
  });
});
