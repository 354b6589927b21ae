/**
 * The page's highlights are shared by name: every highlight-mode annotation (and a second copy of the library)
 * adds its own ranges to the one `Highlight` registered under a name, and takes only its own out again. Each
 * document's window has its own registry (an iframe's ranges are painted by the iframe's).
 */
export function addRanges(doc: Document, name: string, ranges: Iterable<AbstractRange>): void {
  const view = windowOf(doc);
  let highlight = view.CSS.highlights.get(name);
  if (!highlight) {
    highlight = new view.Highlight();
    view.CSS.highlights.set(name, highlight);
  }
  for (const range of ranges) highlight.add(range);
}

/** Takes ranges out of the named highlight; an emptied highlight is unregistered. */
export function removeRanges(doc: Document, name: string, ranges: Iterable<AbstractRange>): void {
  const registry = windowOf(doc).CSS.highlights;
  const highlight = registry.get(name);
  if (!highlight) return;
  for (const range of ranges) highlight.delete(range);
  if (!highlight.size) registry.delete(name);
}

/** Makes `range` the only range of the named highlight (or clears it with undefined). */
export function setOnlyRange(doc: Document, name: string, range: AbstractRange | undefined): void {
  const view = windowOf(doc);
  if (range) view.CSS.highlights.set(name, new view.Highlight(range));
  else view.CSS.highlights.delete(name);
}

function windowOf(doc: Document): Window & typeof globalThis {
  return doc.defaultView ?? window;
}
