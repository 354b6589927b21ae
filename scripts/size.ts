/**
 * `npm run size`: gzip (level 9) and brotli sizes of what dist/ ships, and where each stage of the drop-in script gets
 * its bytes from: lit, Floating UI, the definition set and our code, then the largest source files. The breakdown
 * rebuilds each stage in memory with a source map and gives each source file the characters mapped to it; "share" is what the
 * gzip file loses without that code (gzip shares context, so shares do not add up to the total exactly).
 *
 * Usage: npm run build && npm run size
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { build, type Rollup } from 'vite';
import { SET_TEXTS_FILE } from '../src/stages/texts-files';
import { checkStageBudgets, DROP_IN_STAGES, ENTRY_TEXTS_FILES } from './size-budget';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** gzip at level 9, the figure the budget is in. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

function brotliSize(data: string | Uint8Array): number {
  return brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** The group a source file belongs to in the breakdown. */
export function groupOf(source: string): string {
  if (/node_modules\/(?:lit|lit-html|lit-element|@lit\/[^/]+)\//.test(source)) return 'lit';
  if (source.includes('node_modules/@floating-ui/')) return 'Floating UI';
  if (source.endsWith('src/definitions/definition-set.generated.ts')) return 'definition set (data)';
  if (source.startsWith('src/')) return 'our code';
  return 'other (script wrapper)';
}

/** The ES module and every chunk it imports, followed statically. */
function listModuleFiles(entry: string): string[] {
  const files = [entry];
  for (let i = 0; i < files.length; i++) {
    const code = readFileSync(files[i]!, 'utf8');
    for (const [, specifier] of code.matchAll(
      /(?:^|[;\s])(?:import|export)\b[^'"]*?from\s*["'](\.[^"']+)["']/g,
    )) {
      const path = resolve(dirname(files[i]!), specifier!);
      if (!files.includes(path)) files.push(path);
    }
  }
  return files;
}

/** Which source file each character of `code` comes from, by its source map. */
export function attributeCharacters(code: string, map: RawSourceMap, sourceRoot: string): (string | null)[] {
  const consumer = new SourceMapConsumer(map);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const owners = new Array<string | null>(code.length).fill(null);
  let previous: { at: number; source: string | null } | undefined;
  const fill = (end: number) => {
    if (previous) owners.fill(previous.source, previous.at, Math.min(end, code.length));
  };
  consumer.eachMapping(
    (mapping) => {
      const at = lineStarts[mapping.generatedLine - 1]! + mapping.generatedColumn;
      fill(at);
      const source = mapping.source ? relative(root, resolve(sourceRoot, mapping.source)) : null;
      previous = { at, source };
    },
    null,
    SourceMapConsumer.GENERATED_ORDER,
  );
  fill(code.length);
  return owners;
}

interface Share {
  name: string;
  raw: number;
  alone: number;
  share: number;
}

/** Raw bytes, gzip of the code alone, and gzip lost without it, per key (a group or a source file). */
function measureShares(code: string, owners: (string | null)[], keyOf: (source: string) => string): Share[] {
  const total = gzipSize(code);
  const byKey = new Map<string, boolean[]>();
  owners.forEach((owner, i) => {
    const key = keyOf(owner ?? '(no source)');
    let mask = byKey.get(key);
    if (!mask) byKey.set(key, (mask = new Array<boolean>(code.length).fill(false)));
    mask[i] = true;
  });
  return [...byKey].map(([name, mask]) => {
    let own = '';
    let rest = '';
    for (let i = 0; i < code.length; i++) {
      if (mask[i]) own += code[i];
      else rest += code[i];
    }
    return { name, raw: Buffer.byteLength(own), alone: gzipSize(own), share: total - gzipSize(rest) };
  });
}

/** One drop-in stage built in memory with its source map (the same config as `npm run build`). */
export async function buildIifeWithMap(mode = 'iife'): Promise<{ code: string; map: RawSourceMap }> {
  const output = (await build({
    root,
    mode,
    logLevel: 'silent',
    build: { sourcemap: 'hidden', write: false, emptyOutDir: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  const chunk = outputs.flatMap((o) => o.output).find((item) => item.type === 'chunk' && item.isEntry);
  if (!chunk || chunk.type !== 'chunk' || !chunk.map)
    throw new Error('size: the IIFE build gave no chunk with a map');
  return { code: chunk.code, map: chunk.map as unknown as RawSourceMap };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const row = (cells: (string | number)[], widths: number[]) =>
  cells
    .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[0]!) : String(cell).padStart(widths[i]!)))
    .join('  ');

function printFiles(title: string, files: string[]): void {
  const widths = [44, 10, 10, 10];
  console.log(`\n${title}`);
  console.log(row(['file', 'raw', 'gzip', 'brotli'], widths));
  let gzip = 0;
  for (const file of files) {
    const data = readFileSync(file);
    gzip += gzipSize(data);
    console.log(
      row([relative(root, file), kb(data.length), kb(gzipSize(data)), kb(brotliSize(data))], widths),
    );
  }
  if (files.length > 1) console.log(row(['(files gzipped one by one)', '', kb(gzip), ''], widths));
}

function printShares(title: string, shares: Share[], limit = shares.length): void {
  const widths = [58, 10, 12, 10];
  console.log(`\n${title}`);
  console.log(row(['source', 'raw', 'gzip alone', 'share'], widths));
  for (const share of [...shares].sort((a, b) => b.share - a.share).slice(0, limit))
    console.log(row([share.name, kb(share.raw), kb(share.alone), kb(share.share)], widths));
}

async function main(): Promise<void> {
  const missing = [...DROP_IN_STAGES.map((stage) => stage.file), SET_TEXTS_FILE, ...ENTRY_TEXTS_FILES].filter(
    (file) => !existsSync(join(dist, file)),
  );
  if (missing.length) {
    console.error(
      `size: ${missing.map((file) => `dist/${file}`).join(', ')} missing; run \`npm run build\` first.`,
    );
    process.exitCode = 1;
    return;
  }
  printFiles(
    'Drop-in script, by stage (the live stage loads right after the first pass, the card stage when idle or on the first intent; highlight and sets only when asked for)',
    DROP_IN_STAGES.map((stage) => join(dist, stage.file)),
  );
  printFiles("The entries' texts, all in one file (for the terms' descriptions)", [
    join(dist, SET_TEXTS_FILE),
  ]);
  const entries = ENTRY_TEXTS_FILES.map((file) => readFileSync(join(dist, file)));
  const entrySizes = entries.map(gzipSize).sort((a, b) => a - b);
  console.log(
    `${ENTRY_TEXTS_FILES.length} entry files (dszd-term.entry-<serial>.js, one for a card opened before the set's texts): ` +
      `${kb(entrySizes[0]!)}–${kb(entrySizes[entrySizes.length - 1]!)} gzip each, ` +
      `median ${kb(entrySizes[entrySizes.length >> 1]!)}, ${kb(entrySizes.reduce((a, b) => a + b, 0))} all together`,
  );
  printFiles('Glossary script', [join(dist, 'dszd-glossary.iife.js')].filter(existsSync));
  printFiles(
    'ES module for bundlers (lit and Floating UI not included)',
    listModuleFiles(join(dist, 'dszd-term.js')),
  );
  printFiles('Node entry', listModuleFiles(join(dist, 'node.js')));

  for (const stage of DROP_IN_STAGES) {
    const { code, map } = await buildIifeWithMap(stage.mode);
    const owners = attributeCharacters(code, map, dist);
    printShares(
      `Where dist/${stage.file}'s ${kb(gzipSize(code))} gzip come from`,
      measureShares(code, owners, groupOf),
    );
    printShares(
      'Largest source files (top 12)',
      measureShares(code, owners, (source) => source),
      Number(process.env.SIZE_TOP ?? 12),
    );
  }

  console.log('');
  for (const check of checkStageBudgets((file) => readFileSync(join(dist, file))))
    console.log(
      `${check.name}: ${kb(check.bytes)} gzip (${check.bytes} bytes), ${check.ok ? 'within' : 'OVER'} its budget of ${kb(check.budget)}`,
    );
  if (checkStageBudgets((file) => readFileSync(join(dist, file))).some((check) => !check.ok))
    process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
