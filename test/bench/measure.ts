/** One approach to time: a name and a run that returns a count or a sum, so no engine can drop the work. */
export interface Approach {
  name: string;
  run: () => number;
}

export interface Measurement {
  name: string;
  /** Median milliseconds of one run. */
  ms: number;
  /** What the last run returned. */
  result: number;
}

/**
 * Times approaches round-robin after a warm-up and reports each one's median: the machine is shared and noisy, and
 * interleaving lets a burst of load hit every approach alike instead of one.
 * - The warm-up lasts at least `warmups` rounds and `minWarmupMs` per approach: Chromium can run a loop in its
 *   middle tier for a few hundred milliseconds before the optimizing tier takes over, and a median over such samples
 *   would compare tiers, not approaches.
 * - A fast approach runs several times per sample, so that a sample lasts at least `minSampleMs`: browsers coarsen
 *   performance.now() (to 0.1 ms in Chromium without cross-origin isolation), which would skew a 0.5 ms run by 20 %.
 */
export function measureInterleaved(
  approaches: readonly Approach[],
  rounds = 21,
  warmups = 5,
  minSampleMs = 10,
  minWarmupMs = 1000,
): Measurement[] {
  const results = approaches.map(() => 0);
  const lastMs = approaches.map(() => 0);
  const warmedMs = approaches.map(() => 0);
  for (let round = 0; round < warmups || warmedMs.some((ms) => ms < minWarmupMs); round++) {
    approaches.forEach((approach, a) => {
      const started = performance.now();
      results[a] = approach.run();
      lastMs[a] = performance.now() - started;
      warmedMs[a] = warmedMs[a]! + lastMs[a]!;
    });
  }
  const repeats = lastMs.map((ms) => Math.max(1, Math.ceil(minSampleMs / Math.max(ms, 0.05))));
  const times = approaches.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    approaches.forEach((approach, a) => {
      const started = performance.now();
      for (let r = 0; r < repeats[a]!; r++) results[a] = approach.run();
      times[a]!.push((performance.now() - started) / repeats[a]!);
    });
  }
  return approaches.map((approach, a) => ({
    name: approach.name,
    ms: findMedian(times[a]!),
    result: results[a]!,
  }));
}

function findMedian(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Megabytes (10^6 bytes) per second for a text of `bytes` bytes scanned in `ms` milliseconds. */
export function computeMegabytesPerSecond(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

/** UTF-8 size of a text, without Node's Buffer so the same code runs in the browser. */
export function countUtf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
