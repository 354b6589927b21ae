import { definitionSet } from '../definitions/definition-set.generated';
import type { DefinitionEntry } from '../definitions/types';
import { reportError } from '../events/error-event';
import { loadStageScript } from './load-stage';
import { findProvidedModule } from './stage-registry';

/**
 * What an entry's file holds (written by vite.config.ts, entryTextsFiles): its term, to check the file against the
 * set, then the texts the names-only set lacks; 0 for a field the entry has not.
 */
type TextsRow = [
  term: string,
  definition: string[],
  notes: string[],
  unit: string,
  unitName: string | 0,
  related: number[] | 0,
];

/** The entries whose texts come in files: the first stage's names-only set (a page's own sets carry theirs). */
const namesOnly = new Set(definitionSet.entries);
const requests = new Map<DefinitionEntry, { promise: Promise<boolean>; failed?: boolean }>();

/**
 * The drop-in script's `loadEntryTexts` (see src/card/entry-texts.ts): the entry's file beside the script
 * (`dszd-term.entry-<serial>.js`), loaded once; its texts go into the entry in place, so every holder of the set
 * sees them. A failure (offline, 404, CSP, a file of another version) is reported once per attempt, and only a
 * `retry` tries again.
 */
export function loadEntryTexts(entry: DefinitionEntry, retry = true): Promise<boolean> | undefined {
  if (entry.definition.length || !namesOnly.has(entry)) return undefined;
  const known = requests.get(entry);
  if (known && !(retry && known.failed)) return known.promise;
  const request: { promise: Promise<boolean>; failed?: boolean } = {
    promise: fetchTexts(entry).then(
      () => true,
      (error: unknown) => {
        request.failed = true;
        reportError(document, error, 'definition texts');
        return false;
      },
    ),
  };
  requests.set(entry, request);
  return request.promise;
}

async function fetchTexts(entry: DefinitionEntry): Promise<void> {
  const file = entryTextsFile(entry.serial);
  await loadStageScript(file);
  const row = findProvidedModule(`entry/${entry.serial}`) as TextsRow | undefined;
  if (row?.[0] !== entry.term)
    throw new Error(
      `${file} does not hold the texts of ${entry.term}: is it from another version of dszd-term?`,
    );
  const [, definition, notes, unit, unitName, related] = row;
  Object.assign(entry, { notes, unit }, unitName === 0 ? {} : { unitName }, related === 0 ? {} : { related });
  // last: a definition is what says the texts are there
  entry.definition = definition;
}

/** The file of an entry's texts, beside dszd-term.iife.js. */
export const entryTextsFile = (serial: number): string => `dszd-term.entry-${serial}.js`;
