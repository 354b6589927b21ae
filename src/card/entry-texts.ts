import type { DefinitionEntry } from '../definitions/types';

/**
 * Makes sure an entry has its texts (definition, notes, unit, related) before a card shows it or a term is described
 * by it: undefined when it has them, else a promise of whether they arrived (it never rejects; a failure is reported
 * where they are loaded). In the ES build and in Node every entry has its texts from the start. The drop-in script's
 * card stage replaces this module with src/stages/fetch-entry-texts.ts: its set has the names only, and each entry's
 * texts come in a small file of their own, loaded for the terms on the page and for the card that opens.
 *
 * `retry`: whether a load that failed before is tried again (an intent to open a card: yes; describing a term: no,
 * one failure is reported once).
 */
export function loadEntryTexts(_entry: DefinitionEntry, _retry = true): Promise<boolean> | undefined {
  return undefined;
}
