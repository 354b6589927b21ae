import type { DefinitionSet } from '../../definitions/types';
import { findTerms, type TermMatch } from '../../match/find-terms';
import { findRunBlock } from '../../live/affected-blocks';
import { findPositions } from '../find-position';
import type { OccurrenceIndex } from '../../live/first-occurrences';
import { keepSelection } from '../../live/keep-selection';
import { isUnstable } from './unstable';
import { cutPieces, type Piece } from '../../runs/plan';
import { MATCH_ATTRIBUTE, TERM_ATTRIBUTE } from '../../runs/rules';
import { textRuns, type TreeAdapter } from '../../runs/runs';
import { unwrapWrappers } from './unwrap';
import { createMatchId, splitOffDocument, type OffDocumentSplit } from './wrap';

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
  /** Reads a block again later, in a batch of its own. */
  reread: (block: Node) => void;
  /** Counters of the pass; updated. `matches` counts the matches wrapped anew. */
  stats: { matches: number; textNodes: number };
}

/**
 * Annotates the text runs under `target` as a sequence of small steps (one yield per planned run and per fifty
 * stretches built), so a scheduler can pause anywhere, even inside a run with thousands of matches; a run is built
 * off the document and put in at once (see `buildPieces`). Each run is read with the wrappers already in it: when
 * they are exactly what its text calls for they stay, otherwise they go and the run is wrapped again, so the result
 * depends on the text alone.
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
    const positionOf = findPositions(nodes, texts);
    const shown = found.filter((match) => index.record(block, match.serial, positionOf(match.start)));
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
    const built = yield* buildPieces(nodes, pieces, owned);
    // Healing read the block again while this run was being built: its reading decides, not this one.
    if (index.summaryOf(block) !== summary) continue;
    // The host changed the run during the build: its block is read again (a few times at most).
    if (!built) {
      const count = (rereads.get(block) ?? 0) + 1;
      rereads.set(block, count);
      if (count <= MAX_REREADS && nodes.every((node) => node.parentNode)) context.reread(block);
      continue;
    }
    const commit = () => built[0].forEach((split) => split.commit());
    // Only around a big swap: reading the selection makes Chromium lay the page out (3 ms a run on a long page).
    if (pieces.length > BUILT_PER_STEP) keepSelection(block, commit);
    else commit();
    for (const [match, wrappers] of built[1]) {
      index.showed(summary, match.serial, wrappers);
      stats.matches++;
    }
  }
}

/** How often a block the page changes during every build is read again: then it is left as the page keeps it. */
const MAX_REREADS = 3;
const rereads = new WeakMap<Node, number>();

/** Stretches wrapped per step: creating nodes off the document costs no layout. */
const BUILT_PER_STEP = 50;

/**
 * Wraps a run's stretches off the document (many per step), to be put in all at once: the page lays the block out
 * once, not once per slice, however many matches it holds. Null, with nothing changed, if the host changed the
 * run's text meanwhile (or it holds text the annotator split before: left to its next reading).
 */
function* buildPieces(
  nodes: readonly Text[],
  pieces: readonly Piece[],
  owned: WeakSet<Element>,
): Generator<void, [OffDocumentSplit[], Map<TermMatch, Element[]>] | null, undefined> {
  const splits = new Map<Text, OffDocumentSplit>();
  const groups = new Map<TermMatch, Element[]>();
  let id: string | null = null;
  for (const [k, piece] of pieces.entries()) {
    const node = nodes[piece.node]!;
    let split = splits.get(node);
    if (!split) splits.set(node, (split = splitOffDocument(node)));
    if (piece.index === 0) id = piece.count > 1 ? createMatchId() : null;
    const wrapper = split.wrap(piece.start, piece.end, piece.match.term, id);
    owned.add(wrapper);
    groups.set(piece.match, [...(groups.get(piece.match) ?? []), wrapper]);
    if (k % BUILT_PER_STEP === BUILT_PER_STEP - 1) yield;
  }
  const all = [...splits.values()];
  return nodes.every((node) => node.parentNode) && all.every((split) => split.current) ? [all, groups] : null;
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
