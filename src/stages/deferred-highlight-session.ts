import type { ResolvedOptions } from '../annotate/options';
import { loadCardHost } from '../card/card-loader';
import type { AnnotateResult } from '../events/annotate-event';
import { reportError } from '../events/error-event';
import type * as Highlight from '../annotate/highlight/highlight-session';
import type { AnnotationSession } from '../annotate/session';
import { loadStageScript } from './load-stage';
import { getProvidedModule } from './stage-registry';

type Root = ConstructorParameters<typeof Highlight.HighlightSession>[0];

/** The highlight stage's file name, beside dszd-term.iife.js. */
export const HIGHLIGHT_STAGE_FILE = 'dszd-term.highlight.js';

/**
 * Highlight mode in the drop-in script: stands in for `HighlightSession` (the build swaps the module), loads the
 * card and highlight stages, then starts the real session. Until then nothing is highlighted; if a stage cannot be
 * loaded, the failure is reported once and the pass finishes with no match.
 */
export class HighlightSession implements AnnotationSession {
  private _session: Highlight.HighlightSession | undefined;
  private _removed = false;

  constructor(root: Root, options: ResolvedOptions, onDone: (result: AnnotateResult) => void) {
    const started = performance.now();
    loadCardHost()
      .then(
        () =>
          loadStageScript(HIGHLIGHT_STAGE_FILE).catch((error: unknown) => {
            reportError(root, error, 'highlight stage');
            throw error;
          }),
        // the card stage's failure was reported by its loader
      )
      .then(
        () => {
          if (this._removed) return;
          try {
            const stage = getProvidedModule(
              'annotate/highlight/highlight-session',
            ) as unknown as typeof Highlight;
            this._session = new stage.HighlightSession(root, options, onDone);
          } catch (error) {
            reportError(root, error, 'highlight stage');
            onDone({ matches: 0, textNodes: 0, ms: performance.now() - started });
          }
        },
        () => onDone({ matches: 0, textNodes: 0, ms: performance.now() - started }),
      );
  }

  /** Ranges highlighted now. */
  get matches(): number {
    return this._session?.matches ?? 0;
  }

  /** Resolves once the page's changes are searched; at once before the real session started. */
  settled(): Promise<void> {
    return this._session?.settled() ?? Promise.resolve();
  }

  /** Stops the session (or keeps it from starting). */
  stop(): void {
    void this.remove();
  }

  remove(): Promise<void> {
    this._removed = true;
    return this._session?.remove() ?? Promise.resolve();
  }
}
