import type { Position } from '../live/first-occurrences';
import { getPieceOrigin } from './wrap/wrap';

/**
 * Where a match starting at `start` of a run's joined text begins, as a position that wrapping and unwrapping do
 * not change: the host's node it lies in and the offset in that node's whole text (its own and its pieces').
 */
export function findPosition(nodes: readonly Text[], texts: readonly string[], start: number): Position {
  let origin: Text | undefined;
  let base = 0;
  let at = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const nodeOrigin = getPieceOrigin(node) ?? node;
    if (nodeOrigin !== origin) {
      origin = nodeOrigin;
      base = 0;
    }
    const length = texts[i]!.length;
    if (start < at + length || i === nodes.length - 1) return { origin, offset: base + start - at };
    base += length;
    at += length;
  }
  throw new RangeError('findPosition: empty run');
}
