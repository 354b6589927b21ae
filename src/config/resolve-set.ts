import type { DefinitionSet } from '../definitions/types';
import { getTermsConfig } from './terms-config';

/** Roots annotated with a set of their own (`annotate(root, { set })`). */
const rootSets = new WeakMap<Node, DefinitionSet>();

/**
 * Records the set an annotation of `root` uses (undefined: the page's set), so that the terms under it (those it
 * wraps, those it wraps again after healing, and those already there) look their entries up in that set.
 */
export function bindRootSet(root: Node, set: DefinitionSet | undefined): void {
  if (set) rootSets.set(root, set);
  else rootSets.delete(root);
}

/**
 * The one answer to "which set does this term belong to": the set of the nearest annotated root above `node` that
 * has one (across shadow roots), else the page's set (`configureTerms`: its own sets, then the shipped one). A
 * walk of a few WeakMap lookups, done when a term renders.
 */
export function resolveTermSet(node: Node | null): DefinitionSet {
  for (let at = node; at; at = at.parentNode ?? (at as Partial<ShadowRoot>).host ?? null) {
    const set = rootSets.get(at);
    if (set) return set;
  }
  return getTermsConfig().set;
}
