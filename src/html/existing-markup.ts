import { isTag, type AnyNode } from 'domhandler';
import { MATCH_ATTRIBUTE, TERM_ATTRIBUTE, TERM_TAG } from '../annotate/rules';
import type { DefinitionSet } from '../definitions/types';
import { findEntry } from '../match/find-terms';

/** What tagging already present in the input means for a new pass. */
export interface ExistingMarkup {
  /** Serials of the entries already tagged (`<dszd-term term=…>`), which "first" counts as shown. */
  serials: Set<number>;
  /** Every `data-dszd-match` value in use, so new split-match ids cannot collide with them. */
  matchIds: Set<string>;
}

/** Collects the tagging already in a parsed document, anywhere in it (skipped subtrees included). */
export function scanExistingMarkup(root: AnyNode, set?: DefinitionSet): ExistingMarkup {
  const serials = new Set<number>();
  const matchIds = new Set<string>();
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isTag(node)) {
      const matchId = node.attribs[MATCH_ATTRIBUTE];
      if (matchId !== undefined) matchIds.add(matchId);
      const term = node.name === TERM_TAG ? node.attribs[TERM_ATTRIBUTE] : undefined;
      const entry = term === undefined ? undefined : findEntry(term, set);
      if (entry) serials.add(entry.serial);
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return { serials, matchIds };
}
