import { addRanges, removeRanges } from './highlight-registry';
import type { HighlightMatch } from './match-ranges';
import { DOCUMENT_NODE, ELEMENT_NODE, guard } from '../../live/dom';

/** How far beyond the viewport matches are painted already, so scrolling shows them painted. */
const MARGIN = 0.5;

/**
 * Keeps the named highlight holding the matches of the blocks on or near the screen only. Chromium re-validates
 * every range of every registered highlight whenever one changes: with all of a 1 MB page's 18,000 matches
 * registered, each frame that touched a highlight took 50 to 300 ms. Blocks are watched with an
 * IntersectionObserver (no DOM change); their matches join the highlight as they come near the viewport.
 */
export class VisibleMatches {
  private readonly _doc: Document;
  private readonly _name: string;
  private readonly _byBlock = new Map<Node, Set<HighlightMatch>>();
  private readonly _blockOf = new Map<Element, Node>();
  private readonly _shown = new Set<Node>();
  private readonly _observer: IntersectionObserver;

  constructor(doc: Document, name: string, onError: (error: unknown) => void) {
    this._doc = doc;
    this._name = name;
    const view = doc.defaultView ?? window;
    this._observer = new view.IntersectionObserver(
      guard((entries: IntersectionObserverEntry[]) => this._update(entries), onError),
      { rootMargin: `${MARGIN * 100}% 0px` },
    );
  }

  add(match: HighlightMatch): void {
    const block = match.block;
    let matches = this._byBlock.get(block);
    if (!matches) {
      this._byBlock.set(block, (matches = new Set()));
      const target = findTarget(block);
      if (target) {
        this._blockOf.set(target, block);
        this._observer.observe(target);
      }
      // Known at once (the observer answers a frame later), so a visible match is painted in this frame.
      if (!target || isNearViewport(target)) this._shown.add(block);
    }
    matches.add(match);
    if (this._shown.has(block)) addRanges(this._doc, this._name, [match.range]);
  }

  delete(match: HighlightMatch): void {
    const block = match.block;
    const matches = this._byBlock.get(block);
    if (!matches?.delete(match)) return;
    if (this._shown.has(block)) removeRanges(this._doc, this._name, [match.range]);
    if (matches.size) return;
    this._byBlock.delete(block);
    this._shown.delete(block);
    const target = findTarget(block);
    if (target) {
      this._observer.unobserve(target);
      this._blockOf.delete(target);
    }
  }

  /** Stops watching and takes every range out of the highlight. */
  clear(): void {
    this._observer.disconnect();
    for (const block of this._shown)
      removeRanges(
        this._doc,
        this._name,
        [...this._byBlock.get(block)!].map((match) => match.range),
      );
    this._byBlock.clear();
    this._blockOf.clear();
    this._shown.clear();
  }

  private _update(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const block = this._blockOf.get(entry.target);
      const matches = block && this._byBlock.get(block);
      if (!block || !matches) continue;
      const ranges = [...matches].map((match) => match.range);
      if (entry.isIntersecting && !this._shown.has(block)) {
        this._shown.add(block);
        addRanges(this._doc, this._name, ranges);
      } else if (!entry.isIntersecting && this._shown.has(block)) {
        this._shown.delete(block);
        removeRanges(this._doc, this._name, ranges);
      }
    }
  }
}

/** The element whose box stands for a block: the element itself, a shadow root's host, a document's <html>. */
function findTarget(block: Node): Element | null {
  if (block.nodeType === ELEMENT_NODE) return block as Element;
  if (block.nodeType === DOCUMENT_NODE) return (block as Document).documentElement;
  return (block as Partial<ShadowRoot>).host ?? null;
}

/** Whether the element's box lies within the viewport plus the margin (the observer's own test). */
function isNearViewport(target: Element): boolean {
  const view = target.ownerDocument.defaultView ?? window;
  const rect = target.getBoundingClientRect();
  if (!rect.width && !rect.height) return false;
  const margin = view.innerHeight * MARGIN;
  return rect.bottom >= -margin && rect.top <= view.innerHeight + margin;
}
