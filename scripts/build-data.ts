// The definition-set compiler: data/definition-set.json → src/definitions/definition-set.generated.ts.
// Usage: tsx scripts/build-data.ts [--in source.json] [--out module.ts] [--json out.json]
import { readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
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

function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

try {
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (error) {
    throw new DefinitionSetError(input, '', `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const set = compileDefinitionSet(parseDefinitionSetJson(text, input), input);
  writeAtomically(values.out, renderDefinitionModule(set, relative(process.cwd(), input).replaceAll('\\', '/')));
  if (values.json) writeAtomically(values.json, toDefinitionsJson(set));
  console.log(`build:data: ${set.entries.length} entries → ${values.out}`);
} catch (error) {
  if (error instanceof DefinitionSetError) {
    console.error(`build:data: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
