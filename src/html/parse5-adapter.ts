import { compile } from 'css-select';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import type { TreeAdapter } from '../runs/runs';
import { skipSelector } from '../runs/rules';

const NO_CHILDREN: readonly AnyNode[] = [];

/** A compiled skip test: the shared skip selector (plus the caller's `exclude`), compiled once per call. */
export type SkipTest = (element: Element) => boolean;

/** Compiles the shared skip rules for domhandler trees; throws css-select's error for an invalid `exclude`. */
export function compileSkipTest(exclude?: string): SkipTest {
  return compile<AnyNode, Element>(skipSelector(exclude));
}

/** The shared run walker's view of a parse5 tree built with parse5-htmlparser2-tree-adapter (domhandler nodes). */
export function createParse5Adapter(isSkipped: SkipTest): TreeAdapter<AnyNode> {
  return {
    children: (node) => ('children' in node ? node.children : NO_CHILDREN),
    // CDATA only occurs in foreign content (svg, math), which the rules skip: treated as "other" like comments.
    kind: (node) => (isText(node) ? 'text' : isTag(node) ? 'element' : 'other'),
    tagName: (node) => (isTag(node) ? node.name : ''),
    isSkipped: (node) => isTag(node) && isSkipped(node),
  };
}
