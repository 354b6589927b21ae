import { definitionSet } from '../definitions/definition-set.generated';
import type { DefinitionEntry } from '../definitions/types';
import { reportError } from '../events/error-event';
import { loadStageScript } from './load-stage';
import { findProvidedModule } from './stage-registry';
import { entryTextsFile, entryTextsKey, SET_TEXTS_FILE, SET_TEXTS_KEY } from './texts-files';

/**
 * An entry's texts as its file holds them (written by vite.config.ts, entryTextsFiles): its term, to check the file
 * against the set, then the texts the names-only set lacks; 0 for a field the entry has not. The set's file holds
 * one such row per entry, each behind its serial.
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

interface Request {
  readonly promise: Promise<boolean>;
  failed?: boolean;
}

/** The set's file, once asked for. */
let setRequest: Request | undefined;
const entryRequests = new Map<DefinitionEntry, Request>();

/**
 * The drop-in script's `loadEntryTexts` (see src/card/entry-texts.ts). Terms being described (`retry` false) take the
 * whole set's texts, one file for every term on the page (`dszd-term.texts.js`, 9 KB gzip); an intent to open a card
 * also takes the entry's own (`dszd-term.entry-<serial>.js`, under 1 KB), whichever comes first, so a card opened
 * before the set's texts are there adds little and waits little. The texts go into the entries in place, so every
 * holder of the set sees them. A failure (offline, 404, CSP, a file of another version) is reported once per attempt,
 * and only an intent tries again (with the entry's own file).
 */
export function loadEntryTexts(entry: DefinitionEntry, retry = true): Promise<boolean> | undefined {
  if (entry.definition.length || !namesOnly.has(entry)) return undefined;
  if (!retry) return (setRequest ??= request(fetchSetTexts)).promise;
  let own = entryRequests.get(entry);
  if (!own || own.failed) entryRequests.set(entry, (own = request(() => fetchEntryTexts(entry))));
  const set = setRequest && !setRequest.failed ? setRequest.promise : Promise.resolve(false);
  // whichever brings the texts first
  return new Promise((resolve) => {
    let left = 2;
    const settle = (loaded: boolean) => (loaded || !--left) && resolve(loaded);
    void own.promise.then(settle);
    void set.then(settle);
  });
}

function request(fetch: () => Promise<void>): Request {
  const made: Request = {
    promise: fetch().then(
      () => true,
      (error: unknown) => {
        made.failed = true;
        reportError(document, error, 'definition texts');
        return false;
      },
    ),
  };
  return made;
}

async function fetchSetTexts(): Promise<void> {
  await loadStageScript(SET_TEXTS_FILE);
  const rows = findProvidedModule(SET_TEXTS_KEY) as unknown as Record<number, TextsRow> | undefined;
  const waiting = [...namesOnly].filter((entry) => !entry.definition.length);
  // every row checked before any is used: a file of another version changes nothing
  const checked = waiting.map((entry) => checkRow(entry, rows?.[entry.serial], SET_TEXTS_FILE));
  waiting.forEach((entry, i) => fill(entry, checked[i]!));
}

async function fetchEntryTexts(entry: DefinitionEntry): Promise<void> {
  const file = entryTextsFile(entry.serial);
  await loadStageScript(file);
  fill(entry, checkRow(entry, findProvidedModule(entryTextsKey(entry.serial)) as TextsRow | undefined, file));
}

/** The row if it is the entry's (the same term); else the file is from another version of the set. */
function checkRow(entry: DefinitionEntry, row: TextsRow | undefined, file: string): TextsRow {
  if (row?.[0] !== entry.term)
    throw new Error(
      `${file} does not hold the texts of ${entry.term}: is it from another version of dszd-term?`,
    );
  return row;
}

function fill(entry: DefinitionEntry, [, definition, notes, unit, unitName, related]: TextsRow): void {
  Object.assign(entry, { notes, unit }, unitName === 0 ? {} : { unitName }, related === 0 ? {} : { related });
  // last: a definition is what says the texts are there
  entry.definition = definition;
}
