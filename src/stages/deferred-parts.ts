import type * as Live from '../annotate/wrap/live';
import type { Piece } from '../runs/plan';
import type { TermMatch } from '../match/find-terms';
import { findProvidedModule } from './stage-registry';

/**
 * The drop-in script's first stage's src/annotate/wrap/parts.ts: the live stage's once it is there (which hands it on
 * with wrap mode's live part). Until then (the first pass) a pass wraps a block it reads again anew rather than
 * keeping its wrappers, and leaves a run with more wrappers than a step puts in to a batch after it, which waits for
 * the live stage (see WrapSession._pump). Both there would cost the first stage 0.13 KB gzip.
 */
function findLive(): typeof Live | undefined {
  return findProvidedModule('annotate/wrap/live') as typeof Live | undefined;
}

export function findKeptWrappers(
  nodes: readonly Text[],
  pieces: readonly Piece[],
  owned: WeakSet<Element>,
): Map<TermMatch, Element[]> | null {
  return findLive()?.findKeptWrappers(nodes, pieces, owned) ?? null;
}

export function findPartsPutter(): typeof Live.putInParts | undefined {
  return findLive()?.putInParts;
}
