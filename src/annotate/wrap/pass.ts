import type { DefinitionSet } from '../../definitions/types';
import type { TermMatch } from '../../match/find-terms';
import { findTermsInSlices, SCANNED_PER_STEP } from '../../match/find-terms-in-slices';
import { markOffPage } from '../../live/schedule';
import { findRunBlock } from '../../live/affected-blocks';
import { findPositions } from '../find-position';
import type { OccurrenceIndex } from '../../live/first-occurrences';
import { keepSelection } from '../../live/keep-selection';
import { isUnstable } from './unstable';
import { cutPieces, type Piece } from '../../runs/plan';
import { textRuns, type TreeAdapter } from '../../runs/runs';
import { unwrapWrappers } from './unwrap';
import { createMatchId, splitOffDocument, type OffDocumentSplit } from './wrap';
import { findKeptWrappers, findPartsPutter } from './parts';

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

/** A run built off the document, waiting to be put in with others (see `commitBuilt`); a tuple: no property names. */
type BuiltRun = [
  nodes: readonly Text[],
  block: Node,
  summary: object | undefined,
  splits: OffDocumentSplit[],
  groups: Map<TermMatch, Element[]>,
  /** Wrappers built. */
  count: number,
];

// Whether the step under way changed the page. Steps run synchronously and each yield resets it, so one flag serves
// every pass; a pass that ends without a yield leaves it set, and the next yield is then not called off the page.
let changed = false;

/** Called before every yield of a pass: tells the scheduler whether the step worked off the page (`markOffPage`). */
function settle(): void {
  if (!changed) markOffPage();
  changed = false;
}

/**
 * Annotates the text runs under `target` as a sequence of small steps (one yield per planned run, per part of a huge
 * run's text scanned and per fifty stretches built), so a scheduler can pause anywhere, even inside a run with
 * thousands of matches. Runs are built off the document and put in together (see `commitBuilt`): the page lays out
 * the blocks changed once per few thousand wrappers, not once per slice. Each run is read with the wrappers already
 * in it: when they are exactly what its text calls for they stay, otherwise they go and the run is wrapped again, so
 * the result depends on the text alone.
 */
export function* annotateSteps(target: Node, context: PassContext): Generator<void, void, undefined> {
  const { adapter, root, set, index, owned } = context;
  let built: BuiltRun[] = [];
  let waiting = 0;
  let commitAt = FIRST_COMMIT_AT;
  for (const run of textRuns(target, adapter)) {
    let nodes = run as Text[];
    // Text the host keeps rewriting in reply to the annotation is left as the host wants it.
    if (nodes.some(isUnstable)) continue;
    context.stats.textNodes += nodes.length;
    let texts = nodes.map((node) => node.data);
    let found = yield* findTermsInSlices(texts.join(''), set, SCANNED_PER_STEP, settle);
    settle();
    yield;
    // The host moved or removed one of the run's nodes meanwhile: its batch reads the block again.
    if (!nodes.every((node) => node.parentNode)) continue;
    // Same nodes, other text (even of the same length): planned again, never wrapped at stale offsets.
    if (nodes.some((node, i) => node.data !== texts[i])) {
      texts = nodes.map((node) => node.data);
      found = yield* findTermsInSlices(texts.join(''), set, SCANNED_PER_STEP, settle);
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
      changed = true;
      const gone = new Set<Node>(stale);
      nodes = nodes.filter((node) => node.parentNode && !gone.has(node.parentNode));
      texts = nodes.map((node) => node.data);
      if (texts.join('') !== joined) continue;
      pieces = cutPieces(texts, shown);
    }
    // More wrappers than one step puts in: in parts (parts.ts). The drop-in's first pass has no parts yet: the block
    // is read again in a batch after it, which waits for the live stage that brings them.
    if (pieces.length > COMMITTED_PER_STEP) {
      const inParts = findPartsPutter();
      if (!inParts) context.reread(block);
      else if (yield* inParts(nodes, texts, pieces, block, summary, context))
        rereadLater(block, nodes, context);
      continue;
    }
    const [splits, groups] = yield* buildPieces(nodes, texts, pieces, owned);
    built.push([nodes, block, summary, splits, groups, pieces.length]);
    waiting += pieces.length;
    if (waiting >= commitAt) {
      yield* commitBuilt(built, context);
      [built, waiting, commitAt] = [[], 0, Math.min(COMMIT_AT, commitAt * 4)];
    }
  }
  yield* commitBuilt(built, context);
}

/**
 * Wrappers built before they are put in: a few slices of building, then one layout of the blocks they go to. The
 * first ones go in sooner (the blocks on screen are read first), then four times as many each time up to COMMIT_AT.
 */
export const COMMIT_AT = 4000;
const FIRST_COMMIT_AT = 250;
/** Wrappers put in per step (whole runs): a few milliseconds of DOM insertions. */
export const COMMITTED_PER_STEP = 1000;
/**
 * And at most this long a step (whole runs): each wrapper put in is also a `<dszd-term>` connected and rendered, a
 * fraction of a millisecond on a phone, so a hundred of them would be a long task.
 */
const COMMIT_STEP_MS = 8;

/**
 * Puts built runs in, up to COMMITTED_PER_STEP wrappers a step (a run whole however big: every step that changes a
 * block costs the page a layout of it). A run whose block healing read again meanwhile is dropped (that reading decides);
 * one the host changed since it was read is read again later.
 */
function* commitBuilt(built: readonly BuiltRun[], context: PassContext): Generator<void, void, undefined> {
  let inStep = 0;
  let stepEnd = performance.now() + COMMIT_STEP_MS;
  for (const [nodes, block, summary, splits, groups, count] of built) {
    // before the checks below: the host may change the run while the pass waits
    if (inStep && (inStep + count > COMMITTED_PER_STEP || performance.now() > stepEnd)) {
      settle();
      yield;
      inStep = 0;
      stepEnd = performance.now() + COMMIT_STEP_MS;
    }
    if (context.index.summaryOf(block) !== summary) continue;
    if (!nodes.every((node) => node.parentNode) || !splits.every((split) => split.current)) {
      rereadLater(block, nodes, context);
      continue;
    }
    const commit = () => splits.forEach((split) => split.commit());
    // Only around a big swap: reading the selection makes Chromium lay the page out (3 ms a run on a long page).
    if (count > BUILT_PER_STEP) keepSelection(block, commit);
    else commit();
    changed = true;
    inStep += count;
    for (const [match, wrappers] of groups) {
      context.index.showed(summary, match.serial, wrappers);
      context.stats.matches++;
    }
  }
}

/** How often a block the page changes during every build is read again: then it is left as the page keeps it. */
const MAX_REREADS = 3;
const rereads = new WeakMap<Node, number>();

/** The host changed a run since it was read: its block is read again (a few times at most). */
function rereadLater(block: Node, nodes: readonly Text[], context: PassContext): void {
  const count = (rereads.get(block) ?? 0) + 1;
  rereads.set(block, count);
  if (count <= MAX_REREADS && nodes.every((node) => node.parentNode)) context.reread(block);
}

/** Stretches wrapped per step: creating nodes off the document costs no layout. */
export const BUILT_PER_STEP = 50;

/**
 * Wraps a run's stretches off the document (many per step), to be put in all at once: the page lays the block out
 * once, not once per slice, however many matches it holds. Each node's split holds the text planned (`texts`): a
 * node the host changed meanwhile is not put in (see `commitBuilt`).
 */
export function* buildPieces(
  nodes: readonly Text[],
  texts: readonly string[],
  pieces: readonly Piece[],
  owned: WeakSet<Element>,
): Generator<void, [OffDocumentSplit[], Map<TermMatch, Element[]>], undefined> {
  const splits = new Map<Text, OffDocumentSplit>();
  const groups = new Map<TermMatch, Element[]>();
  let id: string | null = null;
  for (const [k, piece] of pieces.entries()) {
    const node = nodes[piece.node]!;
    let split = splits.get(node);
    if (!split) splits.set(node, (split = splitOffDocument(node, texts[piece.node]!)));
    if (piece.index === 0) id = piece.count > 1 ? createMatchId() : null;
    const wrapper = split.wrap(piece.start, piece.end, piece.match.term, id);
    owned.add(wrapper);
    groups.set(piece.match, [...(groups.get(piece.match) ?? []), wrapper]);
    if (k % BUILT_PER_STEP === BUILT_PER_STEP - 1) {
      settle();
      yield;
    }
  }
  return [[...splits.values()], groups];
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
