import type { DefinitionSet } from '../definitions/types';
import { findTerms, type TermMatch } from '../match/find-terms';
import { selectOccurrences, type Occurrence } from '../match/occurrence';

/** One stretch of one text node to wrap: the whole match, or one piece of a match split across nodes. */
export interface Piece {
  /** Index of the text node in the run. */
  node: number;
  /** Offsets into that node's text. */
  start: number;
  end: number;
  /** The match this piece belongs to (offsets into the run's joined text). */
  match: TermMatch;
  /** 0 for the first piece of its match. */
  index: number;
  /** How many pieces the match has (1 when it lies in one text node). */
  count: number;
}

export interface PlanOptions {
  set?: DefinitionSet | undefined;
  occurrence?: Occurrence | undefined;
  /** Serials already shown, for "first" across runs, batches and pre-tagged markup; updated. */
  seen?: Set<number> | undefined;
}

/**
 * Matches one run (the texts of its text nodes, in order) as a single string and cuts every match into the pieces
 * that fall in each text node. Pieces come in document order.
 */
export function planRun(texts: readonly string[], options: PlanOptions = {}): Piece[] {
  const found = findTerms(texts.join(''), { set: options.set });
  return cutPieces(texts, selectOccurrences(found, options.occurrence ?? 'all', options.seen));
}

/** Cuts matches of a run's joined text (in document order) into the pieces that fall in each text node. */
export function cutPieces(texts: readonly string[], matches: readonly TermMatch[]): Piece[] {
  const pieces: Piece[] = [];
  if (!matches.length) return pieces;
  const offsets: number[] = [];
  let total = 0;
  for (const text of texts) {
    offsets.push(total);
    total += text.length;
  }
  let node = 0;
  for (const match of matches) {
    while (offsets[node]! + texts[node]!.length <= match.start) node++;
    const first = pieces.length;
    for (let n = node; n < texts.length && offsets[n]! < match.end; n++) {
      const start = Math.max(match.start, offsets[n]!) - offsets[n]!;
      const end = Math.min(match.end, offsets[n]! + texts[n]!.length) - offsets[n]!;
      if (end > start) pieces.push({ node: n, start, end, match, index: pieces.length - first, count: 0 });
    }
    for (let i = first; i < pieces.length; i++) pieces[i]!.count = pieces.length - first;
  }
  return pieces;
}
