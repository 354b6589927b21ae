/**
 * One way of annotating a root, as `Annotation` drives it: wrapping (`wrap/session.ts`) or highlighting
 * (`highlight/highlight-session.ts`). The session does the work; `Annotation` chooses one, holds it, and keeps the
 * bookkeeping every mode shares (one annotation per root, `done`, `unannotate()`).
 */
export interface AnnotationSession {
  /** Matches shown now (wrapped or highlighted). */
  readonly matches: number;
  /** Resolves once the page's changes so far are annotated, or at once when stopped. Never rejects. */
  settled(): Promise<void>;
  /** Stops pending work and watching; what is on the page stays (wrap) or goes (highlights go stale alone). */
  stop(): void;
  /** Stops and takes everything it added off the page; resolves once the page is as it was. Never rejects. */
  remove(): Promise<void>;
}
