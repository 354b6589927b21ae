import { expect } from '@open-wc/testing';
import { annotate } from '../../../src/annotate/annotate';
import { runInSlices } from '../../../src/live/schedule';
import { buildArticlePage } from '../../bench/browser/build-page';
import { FakeClock } from '../../fake-clock';

// How the work yields to the page, checked by order of events, never by how long anything took: these hold on a
// loaded machine as on an idle one. The durations themselves are measured by `npm run bench`.

/** Counts the animation frames the page renders until stopped. */
function countFrames(): { readonly count: number; stop(): void } {
  let count = 0;
  let counting = true;
  const onFrame = () => {
    count++;
    if (counting) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  return {
    get count() {
      return count;
    },
    stop: () => (counting = false),
  };
}

describe('runInSlices in Chromium, with the real frame source', () => {
  it('renders a frame between any two slices, and the tasks the host queues meanwhile run', async () => {
    // Slices measured on a fake clock (each step costs 1 ms): 8 steps a slice, whatever the machine's speed.
    const clock = new FakeClock();
    const hostTasks: number[] = [];
    const frames = countFrames();
    function* steps(): Generator<void> {
      for (let i = 0; i < 40; i++) {
        // A task of the host, queued from inside a slice.
        if (i % 8 === 0) setTimeout(() => hostTasks.push(i));
        clock.time += 1;
        yield;
      }
    }
    const framesAtSlice: number[] = [];
    try {
      const done = await runInSlices(steps(), {
        now: clock.now,
        beforeSlice: () => framesAtSlice.push(frames.count),
      });
      expect(done).to.equal(true);
      // Frames rendered before each slice began; a slice is never followed at once by the next one.
      expect(framesAtSlice).to.have.length(6);
      for (let i = 1; i < framesAtSlice.length; i++)
        expect(framesAtSlice[i], `a frame rendered before slice ${i + 1}`).to.be.greaterThan(
          framesAtSlice[i - 1]!,
        );
      // scheduler.yield() keeps the loop's place ahead of plain tasks, yet the host's first tasks got their turn
      // during the frames the work waited for.
      expect(hostTasks.slice(0, 2)).to.deep.equal([0, 8]);
    } finally {
      frames.stop();
    }
  });
});

describe('annotate yields to the page while it works', function (this: { timeout(ms: number): void }) {
  this.timeout(60_000);

  it('a 200 KB page: frames render and a host task runs before the annotation is done', async () => {
    const root = document.createElement('div');
    root.innerHTML = buildArticlePage(2, 200_000);
    document.body.append(root);
    try {
      const frames = countFrames();
      const annotation = annotate(root, { occurrence: 'all' });
      let hostRan = false;
      setTimeout(() => (hostRan = true));
      const result = await annotation.done;
      frames.stop();
      const framesWhileAnnotating = frames.count;

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
