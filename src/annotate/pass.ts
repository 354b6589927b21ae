import type { DefinitionSet } from '../definitions/types';
import type { TermMatch } from '../match/find-terms';
import type { Occurrence } from '../match/occurrence';
import { isUnstable } from './heal';
import { planRun } from './plan';
import { textRuns, type TreeAdapter } from './runs';
import { createMatchId, wrapStretch } from './wrap';

/** What one pass shares with the annotation that runs it. */
export interface PassContext {
  adapter: TreeAdapter<Node>;
  set: DefinitionSet | undefined;
  occurrence: Occurrence;
  /** Serials already shown under the root ("first"); updated. */
  seen: Set<number>;
  /** Every wrapper this annotation created. */
  owned: WeakSet<Element>;
  /** Counters of the pass; updated. */
  stats: { matches: number; textNodes: number };
}

/**
 * Annotates the text runs under `target` as a sequence of small steps (one yield per planned run and per wrapped
 * stretch), so a scheduler can pause anywhere, even inside a run with thousands of matches.
 */
export function* annotateSteps(target: Node, context: PassContext): Generator<void, void, undefined> {
  const { adapter, set, occurrence, seen, owned, stats } = context;
  for (const run of textRuns(target, adapter)) {
    const nodes = run as Text[];
    // Text the host keeps rewriting in reply to the annotation is left as the host wants it.
    if (nodes.some(isUnstable)) continue;
    const texts = nodes.map((node) => node.data);
    stats.textNodes += nodes.length;
    const pieces = planRun(texts, { set, occurrence, seen });
    yield;
    // Expected length of each node: if the host changed a node while we were paused, its stretches are stale.
    const lengths = texts.map((text) => text.length);
    const ids = new Map<TermMatch, string>();
    // Last to first: each split then leaves the offsets of the stretches still to wrap unchanged.
    for (let i = pieces.length - 1; i >= 0; i--) {
      const piece = pieces[i]!;
      const node = nodes[piece.node]!;
      if (node.length !== lengths[piece.node] || !node.parentNode) {
        lengths[piece.node] = -1;
        continue;
      }
      let id: string | null = null;
      if (piece.count > 1) {
        id = ids.get(piece.match) ?? createMatchId();
        ids.set(piece.match, id);
      }
      owned.add(wrapStretch(node, piece.start, piece.end, piece.match.term, id));
      lengths[piece.node] = piece.start;
      if (piece.index === 0) stats.matches++;
      yield;
    }
  }
}
