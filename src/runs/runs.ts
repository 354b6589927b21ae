import { BOUNDARY_TAGS } from './rules';

/**
 * How the run collector sees a tree. The DOM annotator and the Node tagger each give one; the walk itself is shared.
 */
export interface TreeAdapter<N> {
  /** Child nodes in document order. */
  children(node: N): ArrayLike<N>;
  /** Text nodes carry the text that is matched; elements are walked; everything else (comments, …) is ignored. */
  kind(node: N): 'text' | 'element' | 'other';
  /** Lower-case tag name of an element. */
  tagName(node: N): string;
  /** Whether an element is skipped (its subtree is neither matched nor part of a run). */
  isSkipped(node: N): boolean;
  /** An element's open shadow root to walk as a separate tree, if any. */
  shadowRoot?(node: N): N | null;
}

/**
 * Yields the text runs under `root` (and in the open shadow roots the adapter gives, the root's own included):
 * maximal sequences of text nodes that read as one piece of text. Inline elements
 * continue a run; boundary elements (blocks, br, images, table cells), skipped elements and shadow hosts end it.
 * A generator, so callers can stop between runs (the DOM annotator yields to the event loop there).
 */
export function* textRuns<N>(root: N, adapter: TreeAdapter<N>): Generator<N[], void, undefined> {
  let run: N[] = [];
  // The root's own open shadow root is walked too (after its light children), like any host's under it.
  const own = adapter.kind(root) === 'element' ? (adapter.shadowRoot?.(root) ?? null) : null;
  const pendingShadowRoots: N[] = own ? [own] : [];
  // Iterative walk: host pages can nest deeper than the call stack likes.
  const stack: Array<{ nodes: ArrayLike<N>; index: number; closes: boolean }> = [
    { nodes: adapter.children(root), index: 0, closes: false },
  ];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      if (frame.closes && run.length) {
        yield run;
        run = [];
      }
      continue;
    }
    const node = frame.nodes[frame.index++]!;
    const kind = adapter.kind(node);
    if (kind === 'text') {
      run.push(node);
      continue;
    }
    if (kind !== 'element') continue;
    // Asked once per element: the DOM answers with element.matches(), which is not free on large pages.
    if (adapter.isSkipped(node)) {
      if (run.length) {
        yield run;
        run = [];
      }
      continue;
    }
    const shadow = adapter.shadowRoot?.(node) ?? null;
    const ends = shadow !== null || BOUNDARY_TAGS.has(adapter.tagName(node));
    if (ends && run.length) {
      yield run;
      run = [];
    }
    if (shadow) pendingShadowRoots.push(shadow);
    stack.push({ nodes: adapter.children(node), index: 0, closes: ends });
  }
  if (run.length) yield run;
  for (const shadow of pendingShadowRoots) yield* textRuns(shadow, adapter);
}
