// The definition-set compiler: data/definition-set.json → src/definitions/definition-set.generated.ts.
// Usage: tsx scripts/build-data.ts [--in source.json] [--out module.ts] [--json out.json]
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAtomic } from '../src/cli/write-atomic';
import { compileDefinitionSet, DefinitionSetError, parseDefinitionSetJson } from '../src/definitions/compile';
import { renderDefinitionModule, toDefinitionsJson } from '../src/definitions/serialize';

const { values } = parseArgs({
  options: {
    in: { type: 'string', default: 'data/definition-set.json' },
    out: { type: 'string', default: 'src/definitions/definition-set.generated.ts' },
    json: { type: 'string' },
  },
});
const input = values.in;

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

try {
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (error) {
    throw new DefinitionSetError(
      input,
      '',
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const set = compileDefinitionSet(parseDefinitionSetJson(text, input), input);
  await writeOutput(
    values.out,
    renderDefinitionModule(set, relative(process.cwd(), input).replaceAll('\\', '/')),
  );
  if (values.json) await writeOutput(values.json, toDefinitionsJson(set));
  console.log(`build:data: ${set.entries.length} entries → ${values.out}`);
} catch (error) {
  if (error instanceof DefinitionSetError || error instanceof OutputError) {
    console.error(`build:data: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
