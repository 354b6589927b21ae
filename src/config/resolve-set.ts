import type { DefinitionSet } from '../definitions/types';
import { getTermsConfig } from './terms-config';

interface RootSets {
  readonly roots: WeakMap<Node, DefinitionSet>;
  /** Whether any root ever had a set: until then, no term walks up its ancestors. */
  any: boolean;
}

/** Roots annotated with a set of their own (`annotate(root, { set })`), shared by every copy of dszd-term. */
const ROOTS_KEY = Symbol.for('dszd-term.root-sets');

function getRootSets(): RootSets {
  const holder = globalThis as unknown as Record<symbol, RootSets | undefined>;
  return (holder[ROOTS_KEY] ??= { roots: new WeakMap(), any: false });
}

/**
 * Records the set an annotation of `root` uses (undefined: the page's set), so that the terms under it (those it
 * wraps, those it wraps again after healing, and those already there) look their entries up in that set.
 */
export function bindRootSet(root: Node, set: DefinitionSet | undefined): void {
  const store = getRootSets();
  if (set) {
    store.roots.set(root, set);
    store.any = true;
  } else store.roots.delete(root);
}

/**
 * The one answer to "which set does this term belong to": the set of the nearest annotated root above `node` that
 * has one (across shadow roots), else the page's set (`configureTerms`: its own sets, then the shipped one).
 */
export function resolveTermSet(node: Node | null): DefinitionSet {
  const { roots, any } = getRootSets();
  if (any)
    for (let at = node; at; at = at.parentNode ?? (at as Partial<ShadowRoot>).host ?? null) {
      const set = roots.get(at);
      if (set) return set;
    }
  return getTermsConfig().set;
}
