import { definitionSet as shippedSet } from '../definitions/definition-set.generated';
import type { DefinitionSet } from '../definitions/types';
import { resolveEntry } from '../match/resolve-entry';
import { TERM_ATTRIBUTE } from '../runs/rules';

/**
 * The serial of the entry a `<dszd-term>` already on the page stands for, resolved as the element itself does
 * (its `term` attribute, else its own text), so "first" counts pre-tagged markup with or without the attribute.
 */
export function findTermElementSerial(term: Element, set: DefinitionSet | undefined): number | undefined {
  return resolveEntry(term.getAttribute(TERM_ATTRIBUTE), term.textContent ?? '', set ?? shippedSet)?.serial;
}
