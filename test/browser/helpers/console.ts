// What a test's code prints to the console: caught so a test can assert on it (or keep the run's log quiet where a
// warning is the expected outcome).

/** Collects the console.warn calls made while `action` runs (each as its arguments joined by spaces). */
export async function warningsDuring(action: () => unknown): Promise<string[]> {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await action();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

/** What the page printed to the console (and threw) while installed. */
export interface ConsoleCapture {
  readonly messages: string[];
  restore(): void;
}

/** Records console.error / console.warn calls and uncaught errors, so a test can assert there were none. */
export function captureConsole(): ConsoleCapture {
  const messages: string[] = [];
  const { error, warn } = console;
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      messages.push(`${level}: ${args.map(String).join(' ')}`);
  console.error = record('error');
  console.warn = record('warn');
  const onError = (event: ErrorEvent) => messages.push(`uncaught: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => messages.push(`unhandled: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    messages,
    restore() {
      console.error = error;
      console.warn = warn;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
