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

/**
 * Long animation frames (Chromium's 'long-animation-frame' entries) that started at or after `since`: per frame, its
 * longest script (one task's callback or event listener with the microtasks after it) and its rendering (style,
 * layout, paint: from its render start to its end).
 */
function observeFrames(since: number): {
  frames: Array<{ scriptMs: number; renderMs: number }>;
  stop: () => void;
} {
  const frames: Array<{ scriptMs: number; renderMs: number }> = [];
  const supported = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & LongAnimationFrame>) {
      if (entry.startTime < since) continue;
      const scriptMs = Math.max(0, ...entry.scripts.map((script) => script.duration));
      const renderMs = entry.renderStart ? entry.startTime + entry.duration - entry.renderStart : 0;
      frames.push({ scriptMs: Math.round(scriptMs), renderMs: Math.round(renderMs) });
    }
  });
  if (supported) observer.observe({ type: 'long-animation-frame', buffered: true });
  return { frames, stop: () => observer.disconnect() };
}

/** The fields of a long animation frame entry read here (not in TypeScript's DOM types yet). */
interface LongAnimationFrame {
  renderStart: number;
  scripts: Array<{ duration: number }>;
}

/** What the browser reported as long tasks while `work` ran, and how long a known 60 ms task took meanwhile. */
export interface LongTaskFigures {
  /** Durations (ms) of the long tasks (over 50 ms) during the work. */
  tasks: number[];
  /**
   * The long animation frames during the work (where the browser reports them): the script each ran and its
   * rendering, so a frame's own style and layout are told apart from the script before it.
   */
  frames: Array<{ scriptMs: number; renderMs: number }>;
  /** The reported duration of the control task, a 60 ms busy loop of the benchmark's own: load shows as > 60. */
  controlMs: number;
}

/**
 * Runs `work` and records the long tasks meanwhile. Afterwards a control task blocks for 60 ms: the observer must
 * report it (an observer that reports nothing measures nothing), and its reported length shows the machine's load.
 */
export async function recordLongTasks(work: () => Promise<void>): Promise<LongTaskFigures> {
  const longTasks = observeLongTasks(performance.now());
  const longFrames = observeFrames(performance.now());
  await work();
  await sleep();
  const control = performance.now();
  while (performance.now() - control < 60);
  await sleep(100);
  longTasks.stop();
  longFrames.stop();
  const own = longTasks.entries.filter((entry) => entry.startTime >= control - 20 && entry.duration >= 55);
  expect(own, 'the long-task observer reports the control task').to.have.length(1);
  return {
    tasks: longTasks.entries.filter((entry) => entry !== own[0]).map((entry) => Math.round(entry.duration)),
    // the control task is script only
    frames: longFrames.frames.filter((frame) => !(frame.scriptMs >= 55 && frame.renderMs < 5)),
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
