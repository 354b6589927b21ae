import type { DefinitionSet } from '../../definitions/types';
import { findTerms, type TermMatch } from '../../match/find-terms';
import { findRunBlock } from '../../live/affected-blocks';
import { findPosition } from '../find-position';
import type { OccurrenceIndex } from '../../live/first-occurrences';
import { isUnstable } from './heal';
import { cutPieces, type Piece } from '../../runs/plan';
import { MATCH_ATTRIBUTE, TERM_ATTRIBUTE } from '../../runs/rules';
import { textRuns, type TreeAdapter } from '../../runs/runs';
import { unwrapWrappers } from './unwrap';
import { createMatchId, wrapStretch } from './wrap';

/** What one pass shares with the annotation that runs it. */
export interface PassContext {
  /** Walks the annotation's own wrappers as inline elements, so a run is read whole. */
  adapter: TreeAdapter<Node>;
  root: Node;
  set: DefinitionSet | undefined;
  /** Records every occurrence and decides which are shown ("first" or "all"). */
  index: OccurrenceIndex;
  /** Every wrapper this annotation (or an earlier one of the same root) created. */
  owned: WeakSet<Element>;
  /** Counters of the pass; updated. `matches` counts the matches wrapped anew. */
  stats: { matches: number; textNodes: number };
}

/**
 * Annotates the text runs under `target` as a sequence of small steps (one yield per planned run and per wrapped
 * stretch), so a scheduler can pause anywhere, even inside a run with thousands of matches. Each run is read with
 * the wrappers already in it: when they are exactly what its text calls for they stay, otherwise they go and the
 * run is wrapped again, so the result depends on the text alone.
 */
export function* annotateSteps(target: Node, context: PassContext): Generator<void, void, undefined> {
  const { adapter, root, set, index, owned, stats } = context;
  for (const run of textRuns(target, adapter)) {
    let nodes = run as Text[];
    // Text the host keeps rewriting in reply to the annotation is left as the host wants it.
    if (nodes.some(isUnstable)) continue;
    stats.textNodes += nodes.length;
    let texts = nodes.map((node) => node.data);
    let found = findTerms(texts.join(''), { set });
    yield;
    // The host moved or removed one of the run's nodes meanwhile: its batch reads the block again.
    if (!nodes.every((node) => node.parentNode)) continue;
    // Same nodes, other text (even of the same length): planned again, never wrapped at stale offsets.
    if (nodes.some((node, i) => node.data !== texts[i])) {
      texts = nodes.map((node) => node.data);
      found = findTerms(texts.join(''), { set });
    }
    const block = findRunBlock(nodes[0]!, root);
    const shown = found.filter((match) =>
      index.record(block, match.serial, findPosition(nodes, texts, match.start)),
    );
    const summary = index.summaryOf(block);
    let pieces = cutPieces(texts, shown);
    const kept = findKeptWrappers(nodes, pieces, owned);
    if (kept) {
      for (const [match, wrappers] of kept) index.showed(summary, match.serial, wrappers);
      continue;
    }
    const stale = findOwnWrappers(nodes, owned);
    if (stale.length) {
      const joined = texts.join('');
      unwrapWrappers(stale);
      const gone = new Set<Node>(stale);
      nodes = nodes.filter((node) => node.parentNode && !gone.has(node.parentNode));
      texts = nodes.map((node) => node.data);
      if (texts.join('') !== joined) continue;
      pieces = cutPieces(texts, shown);
    }
    yield* wrapPieces(nodes, texts, pieces, {
      owned,
      // Healing read the block again while this run was paused: its reading decides, not this one.
      isCurrent: () => index.summaryOf(block) === summary,
      wrapped: (match, wrappers) => {
        index.showed(summary, match.serial, wrappers);
        stats.matches++;
      },
    });
  }
}

/** Wraps the pieces last to first (each split leaves the offsets of those still to wrap unchanged), one step each. */
function* wrapPieces(
  nodes: readonly Text[],
  texts: readonly string[],
  pieces: readonly Piece[],
  hooks: {
    owned: WeakSet<Element>;
    isCurrent: () => boolean;
    wrapped: (match: TermMatch, wrappers: Element[]) => void;
  },
): Generator<void, void, undefined> {
  const { owned, isCurrent, wrapped } = hooks;
  // What each node must hold: if the host changed it while we were paused, its stretches are stale.
  const expected: Array<string | null> = [...texts];
  const ids = new Map<TermMatch, string>();
  let group: Element[] = [];
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    const node = nodes[piece.node]!;
    if (!isCurrent()) return;
    if (piece.index === piece.count - 1) group = [];
    if (node.data !== expected[piece.node] || !node.parentNode) {
      expected[piece.node] = null;
      group = [];
      continue;
    }
    let id: string | null = null;
    if (piece.count > 1) {
      id = ids.get(piece.match) ?? createMatchId();
      ids.set(piece.match, id);
    }
    const wrapper = wrapStretch(node, piece.start, piece.end, piece.match.term, id);
    owned.add(wrapper);
    group.unshift(wrapper);
    expected[piece.node] = node.data;
    if (piece.index === 0 && group.length === piece.count) wrapped(piece.match, group);
    yield;
  }
}

/** The run's own wrappers, each once. */
function findOwnWrappers(nodes: readonly Text[], owned: WeakSet<Element>): Element[] {
  const wrappers = new Set<Element>();
  for (const node of nodes) {
    const parent = node.parentNode as Element | null;
    if (parent && owned.has(parent)) wrappers.add(parent);
  }
  return [...wrappers];
}

/**
 * The wrappers of each planned match, when the run's own wrappers are exactly the planned pieces (each a whole
 * text node alone in a wrapper of the right term, split matches sharing one id); else null.
 */
function findKeptWrappers(
  nodes: readonly Text[],
  pieces: readonly Piece[],
  owned: WeakSet<Element>,
): Map<TermMatch, Element[]> | null {
  const wrapped = nodes.filter((node) => {
    const parent = node.parentNode as Element | null;
    return parent !== null && owned.has(parent);
  });
  if (wrapped.length !== pieces.length) return null;
  const kept = new Map<TermMatch, Element[]>();
  let id: string | null = null;
  for (const [k, piece] of pieces.entries()) {
    const node = nodes[piece.node]!;
    const wrapper = node.parentNode as Element;
    if (node !== wrapped[k] || piece.start !== 0 || piece.end !== node.length) return null;
    if (wrapper.childNodes.length !== 1 || wrapper.getAttribute(TERM_ATTRIBUTE) !== piece.match.term)
      return null;
    const own = wrapper.getAttribute(MATCH_ATTRIBUTE);
    if (piece.count === 1 ? own !== null : own === null || (piece.index > 0 && own !== id)) return null;
    id = own;
    const group = kept.get(piece.match);
    if (group) group.push(wrapper);
    else kept.set(piece.match, [wrapper]);
  }
  return kept;
}
