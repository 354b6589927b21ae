import type { TermMatch } from '../../match/find-terms';
import { keepSelection } from '../../live/keep-selection';
import { yieldToEventLoop } from '../../live/schedule';
import type { Piece } from '../../runs/plan';
import { MATCH_ATTRIBUTE, TERM_ATTRIBUTE } from '../../runs/rules';
import { buildPieces, COMMITTED_PER_STEP, type PassContext } from './pass';
import { pieceOrigins, splitRecords, wrapperOrigins } from './wrap';

// What a pass needs only once the page has been annotated (the drop-in's live stage; the ES module has it from the
// start): wrappers kept as they are when a block is read again, and a big run put in a part at a time.

/**
 * The wrappers of each planned match, when the run's own wrappers are exactly the planned pieces (each a whole
 * text node alone in a wrapper of the right term, split matches sharing one id); else null.
 */
export function findKeptWrappers(
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

/** The first part of a big run, in wrappers: what the reader looks at shows soon. */
export const FIRST_PART = 250;
/**
 * The page lays the block out again after every part, which costs about as much as the block's text is long: a run's
 * parts are at most as many as keep those layouts together under this many characters (a text node of 130,000
 * characters: 11 parts; of 650,000: 2; of 20 MB: one, the whole run at once).
 */
const PART_CHARS = 1_500_000;
/** What putting one part in may take (measured around it); its terms' connections and renders follow in its task. */
const PART_MS = 16;

/**
 * Puts a run with more wrappers than one step takes (`COMMITTED_PER_STEP`) in a part at a time, a step each, so no
 * task of ours grows with the block; the page lays the block out after each part. Each part is built off the
 * document (as `buildPieces` does for a whole run: a few slices of building, no layout) and then put in: every text
 * node keeps the text before its first stretch of the part, and the text after its last one follows in one piece of
 * the node's split, which the next part splits again. The bookkeeping ends as if the run had gone in at once (see
 * `adopt`). Parts follow matches: a split match goes in whole. Parts are sized by their time (PART_MS), up to twice
 * the last and COMMITTED_PER_STEP wrappers (the frame after a part styles its new terms: 1,000 of them cost a frame
 * about 50 ms more than the page's own after a one-character change, on a 10,000-match block), and never so small that
 * the block's layouts after them pass PART_CHARS or the frame budget (FrameBudget). Returns whether the page changed
 * the run before it was all in (the caller reads the block again); a run whose block healing read again meanwhile is
 * left there (that reading decides).
 */
export function* putInParts(
  nodes: readonly Text[],
  texts: readonly string[],
  pieces: readonly Piece[],
  block: Node,
  summary: object | undefined,
  context: PassContext,
): Generator<void, boolean, undefined> {
  const { index, owned, stats } = context;
  // Per text node of the run: what holds the text not wrapped yet (the node, then its last piece), and where that
  // text starts in the node's text as read.
  const carriers = nodes.slice();
  const starts = nodes.map(() => 0);
  let size = FIRST_PART;
  const frames = new FrameBudget(pieces.length);
  const least = leastPerStep(
    pieces.length,
    texts.reduce((sum, text) => sum + text.length, 0),
  );
  for (let at = 0; at < pieces.length;) {
    let end = Math.min(at + Math.max(size, least, frames.fewest()), pieces.length);
    while (end < pieces.length && pieces[end]!.index > 0) end++;
    const part = pieces.slice(at, end);
    // The run's nodes this part wraps in, in order, and the part's pieces on their carriers.
    const used = [...new Set(part.map((piece) => piece.node))];
    const position = new Map(used.map((i, k) => [i, k]));
    const partTexts = used.map((i) => texts[i]!.slice(starts[i]));
    const shifted = part.map((piece) => ({
      ...piece,
      node: position.get(piece.node)!,
      start: piece.start - starts[piece.node]!,
      end: piece.end - starts[piece.node]!,
    }));
    const [splits, groups] = yield* buildPieces(
      used.map((i) => carriers[i]!),
      partTexts,
      shifted,
      owned,
    );
    if (index.summaryOf(block) !== summary) return false;
    if (!used.every((i, k) => isCarrying(nodes[i]!, carriers[i]!, partTexts[k]!))) return true;
    const started = performance.now();
    keepSelection(block, () => {
      for (const split of splits) split.commit();
    });
    for (const i of used) {
      const node = nodes[i]!;
      if (carriers[i] !== node) adopt(node, carriers[i]!);
      const last = splitRecords.get(node)!.tail[0]!;
      if (last.node === last.piece) carriers[i] = last.piece;
    }
    for (const piece of part) starts[piece.node] = piece.end;
    frames.measure();
    size = nextStepSize(size, end - at, performance.now() - started, PART_MS, COMMITTED_PER_STEP);
    for (const [match, wrappers] of groups) {
      index.showed(summary, match.serial, wrappers);
      stats.matches++;
    }
    at = end;
    yield;
  }
  return false;
}

/**
 * Whether `carrier` still holds `text` as the annotator left it: the host's node itself, unsplit, or the last piece
 * of its split (healing drops the split when the page changed any of it).
 */
function isCarrying(node: Text, carrier: Text, text: string): boolean {
  if (carrier.data !== text || !carrier.parentNode) return false;
  if (carrier === node) return !splitRecords.has(node) && !pieceOrigins.has(node);
  return pieceOrigins.get(carrier) === node && splitRecords.get(node)?.tail[0]?.piece === carrier;
}

/**
 * Makes what was split off `piece` (the last piece of `node`'s split) part of `node`'s split: after it, the units of
 * both are one list, as if the node had been split once.
 */
function adopt(node: Text, piece: Text): void {
  const record = splitRecords.get(node)!;
  const inner = splitRecords.get(piece)!;
  splitRecords.delete(piece);
  for (const unit of inner.tail) {
    record.pieces.add(unit.piece);
    pieceOrigins.set(unit.piece, node);
    if (unit.node !== unit.piece) wrapperOrigins.set(unit.node as Element, node);
  }
  // The tail is last first: what was split off the piece follows it.
  record.tail.unshift(...inner.tail);
}

/**
 * The page's rendering after a block's steps (parts put in, or wrappers taken out), measured frame by frame, against
 * FRAMES_MS: the page lays the whole block out again after each, which on a block of thousands of inline elements
 * (one character per `<span>`: 32,000 of them, 0.5 s a frame) costs far more than its text's length says. The steps
 * stay even: their fewest items follow the frames' average so far, not what is left of the budget (which, once spent,
 * would put all the rest in one step: one long task, and a frame as long as the block's whole layout).
 */
export class FrameBudget {
  private _spent = 0;
  private _frames = 0;
  private readonly _count: number;

  /** A budget for the steps of a block with `count` items to put in or take out. */
  constructor(count: number) {
    this._count = count;
  }

  /** Measures the frame after the step just made (once it has rendered; none while the page is hidden). */
  measure(): void {
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => {
      const start = performance.now();
      void yieldToEventLoop().then(() => {
        this._spent += performance.now() - start;
        this._frames++;
      });
    });
  }

  /** The fewest items a step must take for the block's steps, at the frames' average so far, to fit FRAMES_MS. */
  fewest(): number {
    return this._frames
      ? Math.ceil(this._count / Math.max(1, Math.floor((FRAMES_MS * this._frames) / this._spent)))
      : 0;
  }
}

/** What the page's layouts after one block's steps may take together, about (ms). */
const FRAMES_MS = 3000;

/**
 * The fewest of a block's `count` wrappers a step may put in or take out, when the block's text is `length`
 * characters long: the page lays the block out after every step, so its steps are at most as many as keep those
 * layouts under PART_CHARS together.
 */
export function leastPerStep(count: number, length: number): number {
  return Math.ceil(count / Math.max(1, Math.floor(PART_CHARS / length)));
}

/** The parts putter: here it is there from the start (the drop-in's first stage asks its live stage, see deferred-parts.ts). */
export function findPartsPutter(): typeof putInParts | undefined {
  return putInParts;
}

/**
 * How many items the next step of a kind may take, from the last step's `done` items in `ms`: as many as fit in
 * `targetMs`, twice the last at most (a pause of the browser's own, collecting garbage say, shrinks one step, not the
 * rest), from 50 to `max`.
 */
export function nextStepSize(size: number, done: number, ms: number, targetMs: number, max: number): number {
  return Math.max(50, Math.min(max, size * 2, ms > 0 ? Math.floor((done * targetMs) / ms) : max));
}
