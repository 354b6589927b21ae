import type { DefinitionEntry, DefinitionSet } from './types';

/**
 * The cited definition a reader copies into a document: term, definition paragraphs, notes, 解释单位 (full name
 * where the set gives one) and the source line built from the set's own metadata, one item a line. Always Chinese:
 * it is quoted into Chinese documents whatever the interface language.
 */
export function formatCitation(
  entry: DefinitionEntry,
  set: Pick<DefinitionSet, 'title' | 'version' | 'issuer' | 'date'>,
): string {
  return [
    entry.term,
    ...entry.definition,
    ...entry.notes,
    `解释单位：${entry.unitName ?? entry.unit}`,
    `来源：《${set.title}（${set.version}版）》，${set.issuer}，${set.date}`,
  ].join('\n');
}
