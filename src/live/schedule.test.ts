import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/fake-clock';
import {
  CHANGES_PER_SLICE,
  RENDER_TARGET_MS,
  markOffPage,
  MAX_CHANGES,
  MIN_CHANGES,
  MIN_SLICE_MS,
  nextBudget,
  runInSlices,
  SLICE_BUDGET_MS,
  takeChanges,
} from './schedule';

/** What one run of runInSlices did, as measured on the fake clock the slicer itself reads. */
interface Trace {
  done: boolean;
  /** Per slice: the step indices it ran, its start, the clock before its last step, its end. */
  slices: Array<{ steps: number[]; start: number; beforeLast: number; end: number }>;
  /** Frames awaited, and whether any step ran while a frame was awaited. */
  frames: number;
  /** Per wait between slices: 'frame' or 'task'. */
  waits: Array<'frame' | 'task'>;
  stepDuringFrame: boolean;
}

/**
 * Runs `costs.length` steps, step i advancing the fake clock by costs[i] ms; frame k (between slices) reports
 * renders[k % renders.length] ms of rendering. `abortAfterSlices` aborts the signal during that frame.
 */
async function trace(
  costs: number[],
  renders: number[] = [0],
  options: { budgetMs?: number; abortAfterSlices?: number; offPage?: (step: number) => boolean } = {},
): Promise<Trace> {
  const clock = new FakeClock();
  const controller = new AbortController();
  const result: Trace = { done: false, slices: [], frames: 0, waits: [], stepDuringFrame: false };
  let inFrame = false;
  function* steps(): Generator<number> {
    for (let i = 0; i < costs.length; i++) {
      if (inFrame) result.stepDuringFrame = true;
      const slice = result.slices.at(-1)!;
      slice.steps.push(i);
      slice.beforeLast = clock.time;
      clock.time += costs[i]!;
      if (options.offPage?.(i)) markOffPage();
      yield i;
    }
  }
  result.done = await runInSlices(steps(), {
    budgetMs: options.budgetMs,
    signal: controller.signal,
    now: clock.now,
    beforeSlice: () => result.slices.push({ steps: [], start: clock.time, beforeLast: clock.time, end: NaN }),
    afterSlice: () => (result.slices.at(-1)!.end = clock.time),
    nextTask: async () => {
      result.waits.push('task');
      await Promise.resolve();
    },
    nextFrame: async () => {
      result.waits.push('frame');
      inFrame = true;
      await Promise.resolve();
      const rendered = renders[result.frames % renders.length]!;
      result.frames++;
      clock.time += rendered;
      if (result.frames === options.abortAfterSlices) controller.abort();
      inFrame = false;
      return rendered;
    },
  });
  return result;
}

describe('runInSlices on a fake clock', () => {
  it('runs 1 ms steps in slices of exactly the budget, a frame between slices', async () => {
    const run = await trace(Array<number>(40).fill(1));
    expect(run.done).toBe(true);
    expect(run.slices.map((slice) => slice.steps.length)).toEqual([8, 8, 8, 8, 8, 0]);
    expect(run.slices.map((slice) => slice.end - slice.start)).toEqual([8, 8, 8, 8, 8, 0]);
    expect(run.frames).toBe(5);
    expect(run.stepDuringFrame).toBe(false);
  });

  it('honours a smaller budget', async () => {
    const run = await trace(Array<number>(9).fill(1), [0], { budgetMs: 3 });
    expect(run.slices.map((slice) => slice.steps)).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], []]);
  });

  it('shrinks slices while frames render slowly, down to the minimum, and grows them back', async () => {
    // A 1 ms frame first (the page's own cost); then frames of 61 ms (60 above it): budget 8 → 4 → 2 → 2; then
    // fast frames (0 ms): × 1.25 per slice back up to 8.
    const run = await trace(Array<number>(60).fill(1), [1, 61, 61, 61, 0, 0, 0, 0, 0, 0, 0]);
    const lengths = run.slices.map((slice) => slice.steps.length);
    expect(lengths.slice(0, 9)).toEqual([8, 8, 4, 2, 2, 3, 4, 4, 5]);
    expect(Math.max(...lengths)).toBe(SLICE_BUDGET_MS);
  });

  it('charges only the time above the fastest frame to the slices: a page slow to render keeps full slices', async () => {
    // The page's own frames take 45 ms; our slices add 0 to 10 ms to them; 0: no frame seen (a timeout).
    const run = await trace(Array<number>(80).fill(1), [50, 0, 45, 55, 0, 47]);
    expect(run.slices.slice(0, -1).map((slice) => slice.steps.length)).toEqual(Array<number>(10).fill(8));
  });

  it('stops between slices once aborted, running no further step', async () => {
    const run = await trace(Array<number>(40).fill(1), [0], { abortAfterSlices: 2 });
    expect(run.done).toBe(false);
    expect(run.slices.flatMap((slice) => slice.steps)).toEqual([...Array(16).keys()]);
  });

  it('a step that overruns the budget ends its slice at once', async () => {
    const run = await trace([1, 30, 1, 1]);
    expect(run.slices.map((slice) => slice.steps)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(run.frames).toBe(1);
  });

  it('runs slices of steps that worked off the page a task apart, and awaits a frame after one that changed it', async () => {
    // Steps 0–23 build off the page, step 24 puts it in, steps 25–39 build again.
    const run = await trace(Array<number>(40).fill(1), [0], { offPage: (step) => step !== 24 });
    expect(run.slices.map((slice) => slice.steps.length)).toEqual([8, 8, 8, 8, 8, 0]);
    expect(run.waits).toEqual(['task', 'task', 'task', 'frame', 'task']);
    expect(run.frames).toBe(1);
  });

  it('frames measured only after slices that changed the page: a slow page is not charged to cheap build slices', async () => {
    // Every fourth slice changes the page and the frame after it takes 100 ms, the page's own cost of any change
    // (it re-lays out 50,000 paragraphs): the budget stays whole, as no frame above that cost was seen.
    const run = await trace(Array<number>(160).fill(1), [100], { offPage: (step) => step % 32 !== 31 });
    expect(run.waits.filter((wait) => wait === 'frame')).toHaveLength(5);
    expect(run.slices.slice(0, -1).map((slice) => slice.steps.length)).toEqual(Array<number>(20).fill(8));
  });

  it('property: every step once in order; no step during a frame; no slice starts a step past its budget', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 16 }),
        async (costs, renders, budgetMs) => {
          const run = await trace(costs, renders, { budgetMs });
          expect(run.done).toBe(true);
          expect(run.slices.flatMap((slice) => slice.steps)).toEqual([...costs.keys()]);
          expect(run.stepDuringFrame).toBe(false);
          expect(run.frames).toBe(run.slices.length - 1);
          expect(run.waits.every((wait) => wait === 'frame')).toBe(true);
          // The slicer's own budget model: a slice begins its last step only while under the budget of that slice.
          let budget = budgetMs;
          let own = Infinity;
          run.slices.forEach((slice, index) => {
            if (slice.steps.length > 1) expect(slice.beforeLast - slice.start).toBeLessThan(budget);
            const last = index === run.slices.length - 1;
            if (!last) expect(slice.end - slice.start).toBeGreaterThanOrEqual(budget);
            const rendered = renders[index % renders.length]!;
            if (rendered) own = Math.min(own, rendered);
            budget = nextBudget(budget, rendered - Math.min(own, rendered), budgetMs);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

/**
 * Puts in runs of `counts[i]` changes the way the pass does (as many per step as `takeChanges` allows, a step
 * yielding when the next run does not fit), 0.01 ms of clock per change; the frame after a slice costs the page's
 * own `ownMs` plus `perChangeMs` per change the slice made, plus the machine's load (`load`, by turns). Returns the changes made per slice, and per frame the
 * time above the page's own.
 */
async function traceChanges(
  counts: number[],
  ownMs: number,
  perChangeMs: number,
  load: number[] = [0],
): Promise<{ perSlice: number[]; over: number[] }> {
  const clock = new FakeClock();
  const perSlice: number[] = [];
  const over: number[] = [];
  function* steps(): Generator<void> {
    for (const count of counts) {
      if (!takeChanges(count)) {
        yield;
        takeChanges(count);
      }
      perSlice[perSlice.length - 1]! += count;
      clock.time += count / 100;
    }
  }
  const done = await runInSlices(steps(), {
    now: clock.now,
    beforeSlice: () => perSlice.push(0),
    nextTask: () => Promise.resolve(),
    nextFrame: async () => {
      const rendered = ownMs + perChangeMs * perSlice.at(-1)! + load[over.length % load.length]!;
      over.push(rendered - ownMs);
      clock.time += rendered;
      return rendered;
    },
  });
  expect(done).toBe(true);
  expect(perSlice.reduce((sum, made) => sum + made, 0)).toBe(counts.reduce((sum, count) => sum + count, 0));
  return { perSlice: perSlice.filter((made) => made), over };
}

describe('takeChanges: slices sized by the frames after them', () => {
  it("fewer changes a slice while a change costs the frame after it, until that frame is within RENDER_TARGET_MS of the page's own", async () => {
    // The page's own frame takes 200 ms (50,000 paragraphs); each change costs it 0.2 ms more.
    const { perSlice, over } = await traceChanges(Array<number>(400).fill(50), 200, 0.2);
    // The cost of a change shows between frames after slices a quarter apart at least: until then the fastest frame
    // is taken for the page's own and slices grow; then they fit the frame at once.
    expect(perSlice.slice(0, 4)).toEqual([CHANGES_PER_SLICE, 300, 350, RENDER_TARGET_MS / 0.2]);
    // After that, within RENDER_TARGET_MS of the page's own, but for a slice a quarter bigger after a new fastest frame:
    // within the 50 ms of a long task.
    expect(Math.max(...over.slice(3))).toBeLessThanOrEqual(50);
    expect(over.slice(3).filter((ms) => ms > RENDER_TARGET_MS).length).toBeLessThanOrEqual(over.length / 10);
  });

  it("the machine's load (frames slower whatever a slice changed) does not shrink the slices", async () => {
    // Frames up to 500 ms slower now and then: a loaded machine. Each change costs the frame 0.02 ms.
    const load = [0, 300, 0, 0, 500, 100, 0, 0, 250];
    const { perSlice } = await traceChanges(Array<number>(3000).fill(50), 200, 0.02, load);
    expect(Math.min(...perSlice.slice(0, -1))).toBeGreaterThanOrEqual(CHANGES_PER_SLICE);
    // They grow until the frame after them is half of RENDER_TARGET_MS past the page's own, and stay.
    expect(new Set(perSlice.slice(10, -1))).toEqual(new Set([RENDER_TARGET_MS / 2 / 0.02]));
  });

  it("property: under a load that varies less than RENDER_TARGET_MS / 2, slices end up at no less than a third of what keeps the frame within RENDER_TARGET_MS of the page's own (or of the first slice)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 0, max: 500 })
          .chain((base) =>
            fc.array(fc.integer({ min: base, max: base + RENDER_TARGET_MS / 2 }), {
              minLength: 1,
              maxLength: 12,
            }),
          ),
        fc.double({ min: 0.01, max: 0.25, noNaN: true }),
        async (load, perChangeMs) => {
          const { perSlice } = await traceChanges(Array<number>(6000).fill(10), 150, perChangeMs, load);
          const fit = Math.max(MIN_CHANGES, RENDER_TARGET_MS / perChangeMs);
          expect(Math.min(...perSlice.slice(0, -1))).toBeGreaterThanOrEqual(MIN_CHANGES);
          // Early frames may make the cost of a change look higher than it is; the slices come back.
          for (const made of perSlice.slice(-10, -1))
            expect(made).toBeGreaterThanOrEqual(Math.min(fit, CHANGES_PER_SLICE) / 3 - 10);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("more changes a slice while the frames after them cost no more than the page's own, up to MAX_CHANGES", async () => {
    const { perSlice } = await traceChanges(Array<number>(1000).fill(50), 200, 0);
    expect(perSlice[0]).toBe(CHANGES_PER_SLICE);
    for (let i = 1; i < perSlice.length - 1; i++)
      expect(perSlice[i]).toBeGreaterThanOrEqual(perSlice[i - 1]!);
    expect(Math.max(...perSlice)).toBe(MAX_CHANGES);
  });

  it('a run bigger than a slice allows goes in whole, in a slice of its own', async () => {
    const { perSlice } = await traceChanges([...Array<number>(100).fill(50), 5000, 50, 50], 100, 10);
    expect(perSlice).toContain(5000);
  });

  it('property: every change made once; a slice makes at most what it was allowed, or one run', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        async (counts, ownMs, perChangeMs) => {
          const { perSlice } = await traceChanges(counts, ownMs, perChangeMs);
          for (const made of perSlice) expect(made <= MAX_CHANGES || counts.includes(made)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('nextBudget', () => {
  it('scales down with slow frames, never under the minimum, and back up to the budget with fast ones', () => {
    expect(nextBudget(8, RENDER_TARGET_MS * 2)).toBe(4);
    expect(nextBudget(4, 1000)).toBe(MIN_SLICE_MS);
    expect(nextBudget(4, RENDER_TARGET_MS / 2 - 1)).toBe(5);
    expect(nextBudget(8, 0)).toBe(SLICE_BUDGET_MS);
    expect(nextBudget(6, RENDER_TARGET_MS)).toBe(6);
    expect(nextBudget(3, 0, 3)).toBe(3);
  });

  it('property: stays within [minimum, budget] whatever the frames', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true })), (renders) => {
        let budget = SLICE_BUDGET_MS;
        for (const rendered of renders) {
          budget = nextBudget(budget, rendered);
          expect(budget).toBeGreaterThanOrEqual(MIN_SLICE_MS);
          expect(budget).toBeLessThanOrEqual(SLICE_BUDGET_MS);
        }
      }),
    );
  });
});
