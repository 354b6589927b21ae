import type { Piece } from './plan';

// Apart from plan.ts: wrap mode does not need it, so the drop-in's first stage does not carry it.
/** The pieces of each match together (a match's pieces are consecutive), matches in document order. */
export function groupByMatch(pieces: readonly Piece[]): Piece[][] {
  const groups: Piece[][] = [];
  for (const piece of pieces) {
    if (piece.index === 0) groups.push([piece]);
    else groups[groups.length - 1]!.push(piece);
  }
  return groups;
}
