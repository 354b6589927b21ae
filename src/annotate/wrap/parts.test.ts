import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameBudget, leastPerStep } from './parts';

/** Frames of `ms` each, on a clock of our own: `measure()` sees the frame start, the clock moves, then it yields. */
function framesOf(durations: number[]): void {
  let now = 0;
  let next = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal('scheduler', { yield: () => Promise.resolve() });
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    callback(now);
    now += durations[Math.min(next++, durations.length - 1)]!;
    return 1;
  });
}

/** Measures one frame per step, `steps` times, and gives `fewest()` after each. */
async function fewestPerStep(budget: FrameBudget, steps: number): Promise<number[]> {
  const fewest: number[] = [];
  for (let i = 0; i < steps; i++) {
    budget.measure();
    await Promise.resolve();
    await Promise.resolve();
    fewest.push(budget.fewest());
  }
  return fewest;
}

describe('FrameBudget', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('asks for nothing before a frame was measured', () => {
    expect(new FrameBudget(10_000).fewest()).toBe(0);
  });

  it('keeps the steps even after the frames have taken the whole budget', async () => {
    framesOf([300]);
    // 300 ms frames: ten steps fit 3 s, a thousand items each, also on the eleventh frame and after
    expect(await fewestPerStep(new FrameBudget(10_000), 14)).toEqual(new Array(14).fill(1000));
  });

  it('follows the frames’ average: slower frames, bigger steps', async () => {
    framesOf([100, 100, 500, 500]);
    const fewest = await fewestPerStep(new FrameBudget(6000), 4);
    // 30 steps fit at 100 ms; at the averages 233 and 300 ms, 12 and 10
    expect(fewest).toEqual([200, 200, 500, 600]);
  });

  it('puts everything in one step when one frame takes the budget', async () => {
    framesOf([5000]);
    expect(await fewestPerStep(new FrameBudget(32_000), 1)).toEqual([32_000]);
  });
});

describe('leastPerStep', () => {
  it('bounds the steps by the layouts of the block’s text', () => {
    // 1.5 million characters of layouts: a 130,000-character block gets 11 steps, a 650,000 one 2, a 20 MB one 1
    expect(leastPerStep(10_000, 130_000)).toBe(910);
    expect(leastPerStep(50_000, 650_000)).toBe(25_000);
    expect(leastPerStep(50_000, 20_000_000)).toBe(50_000);
    expect(leastPerStep(100, 10)).toBe(1);
  });
});
