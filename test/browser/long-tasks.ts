/** Test helper: long tasks (PerformanceObserver 'longtask') that started at or after `since`, as reported so far. */
export function observeLongTasks(since: number): { entries: PerformanceEntry[]; stop: () => void } {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= since) entries.push(entry);
  });
  observer.observe({ type: 'longtask', buffered: true });
  return { entries, stop: () => observer.disconnect() };
}

/** Test helper: a shared machine under load stretches any task; broken chunking fails every attempt, a burst of load not all. */
export const LONG_TASK_ATTEMPTS = 5;
