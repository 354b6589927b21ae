/** mark.js 8.11.1 (UMD only), loaded once as a classic script: the search highlighter many pages use. */
export interface MarkInstance {
  mark(keyword: string, options?: { done?: () => void; separateWordSearch?: boolean }): void;
  unmark(options?: { done?: () => void }): void;
}
type MarkConstructor = new (context: Element) => MarkInstance;

let loading: Promise<MarkConstructor> | undefined;

export function loadMark(): Promise<MarkConstructor> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/mark.js/dist/mark.js';
    script.onload = () => resolve((window as unknown as { Mark: MarkConstructor }).Mark);
    script.onerror = () => reject(new Error('mark.js did not load'));
    document.head.append(script);
  });
  return loading;
}

/** Marks `keyword` under `root` (mark.js works synchronously; `done` is called before `mark` returns). */
export function markAll(mark: MarkInstance, keyword: string): void {
  mark.mark(keyword, { separateWordSearch: false });
}
