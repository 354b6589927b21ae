import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/fake-clock';
import {
  markOffPage,
  MIN_SLICE_MS,
  nextBudget,
  RENDER_TARGET_MS,
  runInSlices,
  SLICE_BUDGET_MS,
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
