import type * as Live from '../annotate/wrap/live';
import { findProvidedModule } from './stage-registry';

/**
 * The drop-in script's first stage's `keepSelection` (src/live/keep-selection.ts): the live stage's once it is there
 * (which hands it on with wrap mode's live part), else the change alone. The first pass thus puts its wrappers in
 * without reading and restoring the selection: a reader's selection inside a block that gets more than
 * BUILT_PER_STEP wrappers (pass.ts) can move during the first pass, and so can one inside a subtree the page
 * normalize()s then (0.3 KB gzip less in the first stage; docs/architecture.md).
 */
export function keepSelection<T>(scope: Node, mutate: () => T): T {
  const live = findProvidedModule('annotate/wrap/live') as typeof Live | undefined;
  return live ? live.keepSelection(scope, mutate) : mutate();
}
