import { MATCH_ATTRIBUTE, TERM_TAG } from '../../runs/rules';
import { forgetOriginal, getPieceOrigin, getSplitRecord, getWrapperOrigin, type SplitRecord } from './wrap';
import { ELEMENT_NODE, TEXT_NODE } from '../../live/dom';
import { unstable } from './unstable';

/** More heals of one text node than this within HEAL_WINDOW_MS: the host fights the annotation, leave it alone. */
const MAX_HEALS = 10;
const HEAL_WINDOW_MS = 1000;

/** What one round of healing did. */
export interface Healing {
  /** Originals whose text was put back and that are still in the document: their blocks need annotating again. */
  originals: Text[];
  /** The wrappers taken out (stale, or the other pieces of a split match that lost one of its pieces). */
  wrappers: Element[];
}

const healCounts = new WeakMap<Text, { since: number; count: number }>();
/**
 * Undoes the annotation wherever the host's mutations made it stale, so the page shows the host's intended text.
 * Frameworks (Vue, React) keep references to the text nodes they render and patch them in place:
 * - the host wrote a split text node (`node.nodeValue = text`): the node now holds the whole new text, so the
 *   pieces split off it are stale and are removed;
 * - the host removed or moved a split node, or inserted or removed nodes among its pieces, or someone changed a
 *   piece: the node gets its whole text back (its own text, then its pieces' in order) and the pieces go.
 * - anything else touched the pieces or wrappers (a script that splits, marks or unwraps the text nodes it
 *   finds, such as mark.js, or splitText() on the host's node): the wrappers are unwrapped where they are and each
 *   piece rejoins the text node before it. Nothing is deleted: the text stays the page's text, in its order.
 * The host's node keeps its identity and place throughout. Call it with the host's records only (never the
 * annotator's own), inside `runOwnMutations`; the caller annotates the returned originals' blocks again.
 * (normalize() is handled before it runs, see normalize-guard.ts: in records it looks like a removal.)
 */
export function healRecords(records: readonly MutationRecord[]): Healing {
  const healing: Healing = { originals: [], wrappers: [] };
  const suspects = new Set<Text>();
  // Originals whose own text the host wrote: their current text is all there is.
  const written = new Set<Text>();
  // Originals with a piece or wrapper someone else changed: never intact, whatever their layout says.
  const forced = new Set<Text>();
  // Originals the host split (splitText) or moved: how their text is put back depends on it.
  const split = new Set<Text>();
  const moved = new Set<Text>();
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (record.type === 'characterData') {
      const origin = findOrigin(record.target);
      if (!origin) continue;
      suspects.add(origin);
      if (origin !== record.target) forced.add(origin);
      else if (isSplitText(record, records[i + 1]) || isSplitText(record, records[i - 1])) split.add(origin);
      else written.add(origin);
      continue;
    }
    if (record.type !== 'childList') continue;
    const inside = findOrigin(record.target);
    if (inside) forced.add(inside);
    for (const node of record.removedNodes) {
      addOrigin(suspects, node);
      if (node.nodeType === TEXT_NODE && getSplitRecord(node as Text)) moved.add(node as Text);
    }
    for (const node of record.addedNodes) addOrigin(suspects, node);
    addOrigin(suspects, record.previousSibling);
    addOrigin(suspects, record.nextSibling);
  }
  for (const origin of forced) suspects.add(origin);
  const queue = [...suspects];
  const healed = new Set<Text>();
  while (queue.length) {
    const original = queue.pop()!;
    const record = getSplitRecord(original);
    if (!record || healed.has(original)) continue;
    const rewritten = written.has(original) || (!split.has(original) && original.data !== record.kept);
    if (!rewritten && !forced.has(original) && isIntact(original, record)) continue;
    healed.add(original);
    // The host took its node out, moved it, or put something right after it (Vue's insertBefore(x, the node's
    // next sibling)): it still sees the node as holding all its text, so the text goes back into it. Otherwise
    // someone else worked on the pieces: they stay where they are.
    const whole =
      rewritten ||
      !original.parentNode ||
      moved.has(original) ||
      (!split.has(original) && !isOwnNext(original, record));
    const partners = whole
      ? healOriginal(original, record, rewritten, healing.wrappers)
      : unwrapInPlace(original, record, healing.wrappers);
    for (const partner of partners) {
      forced.add(partner);
      queue.push(partner);
    }
    countHeal(original);
    if (original.isConnected) healing.originals.push(original);
  }
  return healing;
}

/**
 * Whether a characterData record on an original comes from its `splitText()`: the node now holds the start of its
 * old text, and next to the record (Chromium queues it first, the DOM standard second) is the one of a new text
 * node inserted right after it. A framework writing new text and inserting a node after it is told apart by the
 * old value (the observer records it).
 */
function isSplitText(record: MutationRecord, neighbour: MutationRecord | undefined): boolean {
  const original = record.target as Text;
  return (
    record.oldValue !== null &&
    original.data.length <= record.oldValue.length &&
    record.oldValue.startsWith(original.data) &&
    neighbour?.type === 'childList' &&
    neighbour.previousSibling === original &&
    neighbour.addedNodes.length === 1 &&
    neighbour.removedNodes.length === 0 &&
    neighbour.addedNodes[0]!.nodeType === TEXT_NODE
  );
}

/** Whether the node after the original (if any) is one the annotator made from it. */
function isOwnNext(original: Text, record: SplitRecord): boolean {
  const next = original.nextSibling;
  return !next || record.tail.some((unit) => unit.node === next || unit.piece === next);
}

/**
 * Takes the original's wrappers out where they are, keeping whatever they hold now, and lets each of its pieces
 * rejoin the text node right before it (the original, or what the host split off it). Deletes no text.
 */
function unwrapInPlace(original: Text, record: SplitRecord, removed: Element[]): Text[] {
  const partners: Text[] = [];
  for (const { node, piece } of record.tail) {
    if (node === piece) continue;
    const wrapper = node as Element;
    removed.push(wrapper);
    partners.push(...findPartners(wrapper, original, record));
    const parent = wrapper.parentNode;
    if (!parent) continue;
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    parent.removeChild(wrapper);
  }
  forgetOriginal(original);
  // Document order is the tail's reverse.
  for (let i = record.tail.length - 1; i >= 0; i--) {
    const piece = record.tail[i]!.piece;
    const before = piece.previousSibling;
    if (!piece.parentNode || before?.nodeType !== TEXT_NODE) continue;
    (before as Text).appendData(piece.data);
    piece.remove();
  }
  return partners;
}

/** Whether the original still holds the text the annotator left and is followed by exactly its units, in order. */
function isIntact(original: Text, record: SplitRecord): boolean {
  if (!original.parentNode) return false;
  let next = original.nextSibling;
  for (let i = record.tail.length - 1; i >= 0; i--) {
    const { node, piece } = record.tail[i]!;
    if (next !== node) return false;
    if (node !== piece && (node.firstChild !== piece || node.lastChild !== piece)) return false;
    next = next.nextSibling;
  }
  return true;
}

/**
 * Puts the host's text back into `original` and removes its units. Returns the originals of the other pieces of
 * split matches that lost a piece here: half a match must not stay wrapped.
 */
function healOriginal(original: Text, record: SplitRecord, rewritten: boolean, removed: Element[]): Text[] {
  const text = rewritten
    ? original.data
    : original.data +
      record.tail
        .map((unit) => unit.piece.data)
        .reverse()
        .join('');
  const partners: Text[] = [];
  for (const { node, piece } of record.tail) {
    if (node !== piece) {
      const wrapper = node as Element;
      removed.push(wrapper);
      partners.push(...findPartners(wrapper, original, record));
    }
    node.parentNode?.removeChild(node);
    // A piece someone moved out of its wrapper goes too: its text is back in the original.
    piece.parentNode?.removeChild(piece);
  }
  if (original.data !== text) original.data = text;
  forgetOriginal(original);
  return partners;
}

/**
 * The originals of the other wrappers of the same split match. They sit in the same run, so in the tree of the
 * original's parent, even when the host has already taken this wrapper out.
 */
function findPartners(wrapper: Element, original: Text, record: SplitRecord): Text[] {
  const id = wrapper.getAttribute(MATCH_ATTRIBUTE);
  if (id === null) return [];
  const scope = (wrapper.isConnected ? wrapper : record.parent).getRootNode() as ParentNode;
  if (typeof scope.querySelectorAll !== 'function') return [];
  const partners: Text[] = [];
  for (const other of scope.querySelectorAll(`${TERM_TAG}[${MATCH_ATTRIBUTE}="${CSS.escape(id)}"]`)) {
    const origin = getWrapperOrigin(other);
    if (other !== wrapper && origin && origin !== original) partners.push(origin);
  }
  return partners;
}

function addOrigin(suspects: Set<Text>, node: Node | null): void {
  const origin = node && findOrigin(node);
  if (origin) suspects.add(origin);
}

/** The host text node behind a node the annotator made (or the node itself, if the annotator split it). */
function findOrigin(node: Node): Text | undefined {
  if (node.nodeType === TEXT_NODE) return getPieceOrigin(node as Text);
  if (node.nodeType === ELEMENT_NODE) return getWrapperOrigin(node as Element);
  return undefined;
}

/** Counts heals per node; a node healed too often within the window is left alone from then on. */
function countHeal(original: Text): void {
  const now = performance.now();
  const entry = healCounts.get(original);
  if (!entry || now - entry.since > HEAL_WINDOW_MS) {
    healCounts.set(original, { since: now, count: 1 });
    return;
  }
  if (++entry.count > MAX_HEALS) unstable.add(original);
}
