import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { MATCH_ATTRIBUTE, TERM_ATTRIBUTE, TERM_TAG } from '../runs/rules';
import { definitionSet as shippedSet } from '../definitions/definition-set.generated';
import type { DefinitionSet } from '../definitions/types';
import { resolveEntry } from '../match/resolve-entry';

/** What tagging already present in the input means for a new pass. */
export interface ExistingMarkup {
  /** Serials of the entries already tagged (`<dszd-term>`), which "first" counts as shown. */
  serials: Set<number>;
  /** Every `data-dszd-match` value in use, so new split-match ids cannot collide with them. */
  matchIds: Set<string>;
}

/**
 * Collects the tagging already in a parsed document, anywhere in it (skipped subtrees included). Each `<dszd-term>`
 * (the pieces of a split match together) stands for the entry the element itself would show: its `term` attribute,
 * or else its text.
 */
export function scanExistingMarkup(root: AnyNode, set: DefinitionSet = shippedSet): ExistingMarkup {
  const matchIds = new Set<string>();
  const terms: Element[][] = [];
  const piecesById = new Map<string, Element[]>();
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isTag(node)) {
      const matchId = node.attribs[MATCH_ATTRIBUTE];
      if (matchId !== undefined) matchIds.add(matchId);
      if (node.name === TERM_TAG) {
        const pieces = matchId === undefined ? undefined : piecesById.get(matchId);
        if (pieces) pieces.push(node);
        else {
          terms.push([node]);
          if (matchId !== undefined) piecesById.set(matchId, terms[terms.length - 1]!);
        }
      }
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  const serials = new Set<number>();
  for (const pieces of terms) {
    const name = pieces.find((piece) => piece.attribs[TERM_ATTRIBUTE])?.attribs[TERM_ATTRIBUTE];
    const entry = resolveEntry(name, pieces.map(readText).join(''), set);
    if (entry) serials.add(entry.serial);
  }
  return { serials, matchIds };
}

/** The text content of an element, like the DOM's textContent. */
function readText(node: AnyNode): string {
  if (isText(node)) return node.data;
  return 'children' in node ? node.children.map(readText).join('') : '';
}
