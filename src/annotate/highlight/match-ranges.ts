import { findRunBlock } from '../../live/affected-blocks';
import { findPositions } from '../find-position';
import type { OccurrenceIndex } from '../../live/first-occurrences';
import { groupByMatch } from '../../runs/group-by-match';
import { cutPieces } from '../../runs/plan';
import { textRuns, type TreeAdapter } from '../../runs/runs';
import type { DefinitionSet } from '../../definitions/types';
import { findTerms } from '../../match/find-terms';

/** One match found in highlight mode: a live Range over the host's own text nodes. */
export interface HighlightMatch {
  /** Static: a page pays for every live Range on every DOM change. Found again when its block changes. */
  readonly range: StaticRange;
  readonly serial: number;
  /** The official term. */
  readonly term: string;
  /** The text nodes the match covers (the pointer is looked up by text node). */
  readonly nodes: readonly Text[];
  /** The block it was found in: when the page changes a block, its matches are found again. */
  readonly block: Node;
}

/** What one search shares with the annotation that runs it. */
export interface SearchContext {
  adapter: TreeAdapter<Node>;
  set: DefinitionSet | undefined;
  /** Records every occurrence and decides which are shown ("first" or "all"), as in wrap mode. */
  index: OccurrenceIndex;
  /** The annotated root: to name each match's block. */
  root: Node;
  /** Counters; updated (`textNodes` here, `matches` by whoever keeps the matches). */
  stats: { matches: number; textNodes: number };
}

/**
 * Finds the matches under `target` with the annotator's own engine (textRuns + planRun, the same skip rules) and
 * hands each one to `found` as a Range; never changes the DOM. One step per run, so a scheduler can pause.
 */
export function* findMatchRanges(
  target: Node,
  context: SearchContext,
  found: (match: HighlightMatch) => void,
): Generator<void, void, undefined> {
  const { adapter, set, index, root } = context;
  // The document's own StaticRange (an iframe's ranges must come from the iframe's window).
  const StaticRangeOf =
    (context.root.ownerDocument ?? (context.root as Document)).defaultView?.StaticRange ?? StaticRange;
  for (const run of textRuns(target, adapter)) {
    const nodes = run as Text[];
    context.stats.textNodes += nodes.length;
    const texts = nodes.map((node) => node.data);
    const block = findRunBlock(nodes[0]!, root);
    const positionOf = findPositions(nodes, texts);
    const shown = findTerms(texts.join(''), { set }).filter((match) =>
      index.record(block, match.serial, positionOf(match.start)),
    );
    const summary = index.summaryOf(block);
    const pieces = cutPieces(texts, shown);
    if (pieces.length) {
      for (const group of groupByMatch(pieces)) {
        const first = group[0]!;
        const last = group[group.length - 1]!;
        const range = new StaticRangeOf({
          startContainer: nodes[first.node]!,
          startOffset: first.start,
          endContainer: nodes[last.node]!,
          endOffset: last.end,
        });
        const match = {
          range,
          serial: first.match.serial,
          term: first.match.term,
          nodes: group.map((piece) => nodes[piece.node]!),
          block,
        };
        found(match);
        index.showed(summary, match.serial, match);
      }
    }
    yield;
  }
}
