import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { findEntryBySerial, findTerms } from '../match/find-terms';
import { EXIT_FAILED, EXIT_OK } from './cli-error';
import { writeOut, type CliIo } from './io';

/**
 * `dszd-term lookup <text>`: each entry whose term (or alias) the text contains, once, in order of appearance, with
 * its definition, notes and unit. Exit code 1 when there is none.
 */
export async function runLookup(set: DefinitionSet, text: string, json: boolean, io: CliIo): Promise<number> {
  const found = new Map<number, { entry: DefinitionEntry; text: string }>();
  for (const match of findTerms(text, { set, occurrence: 'first' })) {
    const entry = findEntryBySerial(match.serial, set)!;
    found.set(match.serial, { entry, text: text.slice(match.start, match.end) });
  }
  if (json) {
    const items = [...found.values()].map(({ entry, text: matched }) => ({
      found: matched,
      serial: entry.serial,
      term: entry.term,
      definition: entry.definition,
      notes: entry.notes,
      unit: entry.unit,
    }));
    await writeOut(io.stdout, `${JSON.stringify(items, null, 2)}\n`);
  } else if (found.size) {
    const blocks = [...found.values()].map(({ entry }) =>
      [
        `${entry.serial}. ${entry.term}`,
        ...entry.definition.map((paragraph) => `   ${paragraph}`),
        ...entry.notes.map((note) => `   ${note}`),
        `   解释单位：${entry.unit}`,
      ].join('\n'),
    );
    await writeOut(io.stdout, `${blocks.join('\n\n')}\n`);
  }
  if (!found.size) {
    await writeOut(io.stderr, `dszd-term: no term of ${set.title} found in the text\n`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}
