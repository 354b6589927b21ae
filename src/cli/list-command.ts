import type { DefinitionSet } from '../definitions/types';
import { toDefinitionsJson } from '../definitions/serialize';
import { EXIT_OK } from './cli-error';
import { writeOut, type CliIo } from './io';

/** `dszd-term list [--json]`: the entries of the set, one a line, or the definitions.json document. */
export async function runList(set: DefinitionSet, json: boolean, io: CliIo): Promise<number> {
  if (json) {
    await writeOut(io.stdout, toDefinitionsJson(set));
    return EXIT_OK;
  }
  const lines = [`${set.title}（${set.version}版） ${set.issuer} ${set.date}，${set.entries.length} 条`];
  const width = String(Math.max(0, ...set.entries.map((entry) => entry.serial))).length;
  for (const entry of set.entries) {
    const aliases = entry.aliases.length ? `（又作：${entry.aliases.join('、')}）` : '';
    lines.push(`${String(entry.serial).padStart(width)}  ${entry.term}${aliases}  解释单位：${entry.unit}`);
  }
  await writeOut(io.stdout, `${lines.join('\n')}\n`);
  return EXIT_OK;
}
