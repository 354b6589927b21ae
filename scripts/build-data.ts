// The definition-set compiler: data/definition-set.json → src/definitions/definition-set.generated.ts.
// Usage: tsx scripts/build-data.ts [--in source.json] [--units units.json] [--out module.ts] [--json out.json]
//        [--folds folds.ts]
// With no --in and no --out (the shipped set) it also reads data/units.json and writes the traditional folds module.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAtomic } from '../src/cli/write-atomic';
import { compileDefinitionSet, DefinitionSetError, parseDefinitionSetJson } from '../src/definitions/compile';
import { renderDefinitionModule, renderFoldsModule, toDefinitionsJson } from '../src/definitions/serialize';
import type { DefinitionSet } from '../src/definitions/types';
import { traditionalFolds } from '../src/text/traditional-folds.generated';
import { parseUnitsJson } from './build-data-units';

const { values } = parseArgs({
  options: {
    in: { type: 'string' },
    units: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'string' },
    folds: { type: 'string' },
  },
});
const shipped = values.in === undefined && values.out === undefined;
const input = values.in ?? 'data/definition-set.json';
const output = values.out ?? 'src/definitions/definition-set.generated.ts';
const unitsInput = values.units ?? (shipped ? 'data/units.json' : undefined);
const foldsOutput = values.folds ?? (shipped ? 'src/text/traditional-folds.generated.ts' : undefined);

/** A generated file could not be written: one line, like a bad input. */
class OutputError extends Error {}

/** Written as the CLI writes (temporary file beside it, flushed, renamed; mode kept; nothing left on failure). */
async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeAtomic(path, new TextEncoder().encode(text));
  } catch (error) {
    throw new OutputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new DefinitionSetError(
      path,
      '',
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

/** The set's names (terms, aliases, exclusions): the characters whose traditional forms the matcher folds. */
function namesOf(set: DefinitionSet): string[] {
  return [...set.entries.flatMap((entry) => [entry.term, ...entry.aliases]), ...(set.exclusions ?? [])];
}

try {
  const units = unitsInput === undefined ? undefined : parseUnitsJson(readInput(unitsInput), unitsInput);
  const set = compileDefinitionSet(parseDefinitionSetJson(readInput(input), input), input, { units });
  if (foldsOutput) {
    // OpenCC's tables are large: loaded only when the shipped fold table is written.
    const { deriveTraditionalFolds } = await import('./build-data-folds');
    const folds = deriveTraditionalFolds(namesOf(set));
    await writeOutput(foldsOutput, renderFoldsModule(folds));
    // The compiler folded with the previous table: a name that uses one of its variants got a wrong key.
    const previous = new Set([...traditionalFolds].filter((_, i) => i % 2 === 0));
    const stale = namesOf(set).find((name) => [...name].some((char) => previous.has(char)));
    if (stale !== undefined)
      throw new DefinitionSetError(
        input,
        '',
        `the name “${stale}” uses a character the previous build folded; the fold table is rewritten, run build:data again`,
      );
  }
  await writeOutput(
    output,
    renderDefinitionModule(set, relative(process.cwd(), input).replaceAll('\\', '/')),
  );
  if (values.json) await writeOutput(values.json, toDefinitionsJson(set));
  console.log(`build:data: ${set.entries.length} entries → ${output}`);
} catch (error) {
  if (error instanceof DefinitionSetError || error instanceof OutputError) {
    console.error(`build:data: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
