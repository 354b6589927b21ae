const FOLLOWING = 4;
const PRECEDING = 2;

/**
 * A live Range over a static one: StaticRange has no rectangles and no text. Matches are kept as StaticRanges
 * because the page pays for every live Range on every DOM change (each is updated), and a page has thousands.
 */
export function toLiveRange(range: AbstractRange): Range {
  const live = range.startContainer.ownerDocument!.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** Document order of two ranges' starts (0 for the same start, or for nodes in unrelated trees). */
export function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const position = a.startContainer.compareDocumentPosition(b.startContainer);
  if (position & FOLLOWING) return -1;
  if (position & PRECEDING) return 1;
  return 0;
}
