import { expect } from '@open-wc/testing';
import { sleep } from '../../browser/helpers/timing';

/** Long tasks (PerformanceObserver 'longtask') that started at or after `since`, as reported so far. */
function observeLongTasks(since: number): { entries: PerformanceEntry[]; stop: () => void } {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= since) entries.push(entry);
  });
  observer.observe({ type: 'longtask', buffered: true });
  return { entries, stop: () => observer.disconnect() };
}

/** What the browser reported as long tasks while `work` ran, and how long a known 60 ms task took meanwhile. */
export interface LongTaskFigures {
  /** Durations (ms) of the long tasks (over 50 ms) during the work. */
  tasks: number[];
  /** The reported duration of the control task, a 60 ms busy loop of the benchmark's own: load shows as > 60. */
  controlMs: number;
}

/**
 * Runs `work` and records the long tasks meanwhile. Afterwards a control task blocks for 60 ms: the observer must
 * report it (an observer that reports nothing measures nothing), and its reported length shows the machine's load.
 */
export async function recordLongTasks(work: () => Promise<void>): Promise<LongTaskFigures> {
  const longTasks = observeLongTasks(performance.now());
  await work();
  await sleep();
  const control = performance.now();
  while (performance.now() - control < 60);
  await sleep(100);
  longTasks.stop();
  const own = longTasks.entries.filter((entry) => entry.startTime >= control - 20 && entry.duration >= 55);
  expect(own, 'the long-task observer reports the control task').to.have.length(1);
  return {
    tasks: longTasks.entries.filter((entry) => entry !== own[0]).map((entry) => Math.round(entry.duration)),
    controlMs: Math.round(own[0]!.duration),
  };
}

/** Runs `measureOnce` `rounds` times and prints, per round, the long tasks and the control task's length. */
export async function reportLongTasks(
  label: string,
  measureOnce: () => Promise<LongTaskFigures>,
  rounds = 3,
): Promise<void> {
  const results: LongTaskFigures[] = [];
  for (let round = 0; round < rounds; round++) results.push(await measureOnce());
  const longest = results.map((result) => Math.max(0, ...result.tasks));
  const clean = results.filter((result) => !result.tasks.length).length;
  console.log(
    `${label}: rounds without a task over 50 ms: ${clean}/${rounds}; longest task per round (ms): ${longest.join(', ')}; ` +
      `control task (60 ms of work) reported as: ${results.map((result) => result.controlMs).join(', ')} ms; ` +
      `longest ÷ control: ${longest.map((ms, i) => (ms / results[i]!.controlMs).toFixed(2)).join(', ')}`,
  );
}
