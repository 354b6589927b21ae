import { definitionSet } from '../definitions/definition-set.generated';
import type { DefinitionEntry } from '../definitions/types';

/** What the first stage leaves out of each entry: the texts only the card and the term's description show. */
export type DefinitionTexts = Pick<
  DefinitionEntry,
  'serial' | 'definition' | 'notes' | 'unit' | 'unitName' | 'related'
>;

/**
 * The shipped set's texts. The card stage's build replaces this module with the texts as literals (there the set
 * module is the first stage's names-only set).
 */
export const definitionTexts: DefinitionTexts[] = definitionSet.entries.map(
  ({ serial, definition, notes, unit, unitName, related }) => ({
    serial,
    definition,
    notes,
    unit,
    ...(unitName === undefined ? {} : { unitName }),
    ...(related === undefined ? {} : { related }),
  }),
);
