import type { Position } from '../live/first-occurrences';
import { getPieceOrigin } from './wrap/wrap';

/**
 * Finds where matches of a run's joined text begin, as positions that wrapping and unwrapping do not change: the
 * host's node a match lies in and the offset in that node's whole text (its own and its pieces'). Ask for starts in
 * increasing order: the walk goes on from the last answer (a run of 30,000 one-letter spans was quadratic).
 */
export function findPositions(nodes: readonly Text[], texts: readonly string[]): (start: number) => Position {
  let i = 0;
  let at = 0;
  let base = 0;
  let origin = getPieceOrigin(nodes[0]!) ?? nodes[0]!;
  return (start) => {
    if (start < at) [i, at, base, origin] = [0, 0, 0, getPieceOrigin(nodes[0]!) ?? nodes[0]!];
    while (i < nodes.length - 1 && start >= at + texts[i]!.length) {
      at += texts[i]!.length;
      base += texts[i]!.length;
      const next = getPieceOrigin(nodes[++i]!) ?? nodes[i]!;
      if (next !== origin) [origin, base] = [next, 0];
    }
    return { origin, offset: base + start - at };
  };
}

