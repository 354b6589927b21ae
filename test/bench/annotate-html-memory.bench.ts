// Node: peak memory (RSS) of `dszd-term annotate` on 50 MB pages, each job in a fresh process, against reading the
// file alone, parsing it alone (parse5 with all source locations; the tagger's own lean parse) and the floor: what
// any tagger built on parse5 pays at least, parse5's parse of the page, serialized and written out. Two pages: the
// CMS-like page of the speed benchmark, and a dense one (a short paragraph with three terms, repeated: millions of
// matches). Goal: with --occurrence all, peak ≤ 1.3× the floor on both pages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPage } from './annotate-html-page';

const megabytes = Number(process.env.BENCH_MEMORY_MB ?? 50);
const folder = mkdtempSync(join(tmpdir(), 'dszd-memory-'));
const paragraph = '<p>推进数字社会建设，城市大脑和未来社区。</p>\n';
const pages: Array<[string, string]> = [
  ['CMS-like page', buildPage(megabytes * 1e6)],
  [
    'dense page',
    `<!DOCTYPE html><html><body>${paragraph.repeat(Math.ceil((megabytes * 1e6) / Buffer.byteLength(paragraph)))}</body></html>`,
  ],
];
const root = fileURLToPath(new URL('../../', import.meta.url));
const child = fileURLToPath(new URL('./annotate-html-memory-child.ts', import.meta.url));

function measure(job: string, input: string, output = join(folder, `${job}.html`)): number {
  const { status, stdout, stderr } = spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [child, job, input, output],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (status !== 0) throw new Error(`${job} failed (exit ${status}): ${stderr}`);
  return (JSON.parse(stdout.trim().split('\n').pop()!) as { peak: number }).peak;
}

const GOAL = 1.3;
const jobs: Array<[string, string]> = [
  ['read', 'read the file as text'],
  ['floor', 'floor: parse5 parse + serialize + write'],
  ['parse', 'parse5 + htmlparser2 adapter, all source locations'],
  ['parse-tagger', "the tagger's parse (text locations only)"],
  ['cli-first', 'dszd-term annotate, occurrence "first"'],
  ['cli-all', 'dszd-term annotate, occurrence "all"'],
];
try {
  console.log(`dszd-term annotate peak memory (RSS), Node ${process.version}, each job in a fresh process`);
  for (const [name, page] of pages) {
    const input = join(folder, 'page.html');
    writeFileSync(input, page);
    const size = statSync(input).size;
    console.log(`  ${name} of ${(size / 1e6).toFixed(1)} MB:`);
    const peaks = new Map<string, number>();
    for (const [job, label] of jobs) {
      const peak = measure(job, input);
      peaks.set(job, peak);
      const floor = peaks.get('floor');
      const ratio = floor && job !== 'floor' ? `, ${(peak / floor).toFixed(2)}× the floor` : '';
      console.log(
        `    ${label}: ${(peak / 1e6).toFixed(0)} MB, ${(peak / size).toFixed(1)}× the input${ratio}`,
      );
    }
    if (readFileSync(join(folder, 'cli-all.html')).length <= size) throw new Error(`${name}: nothing tagged`);
    const ratio = peaks.get('cli-all')! / peaks.get('floor')!;
    console.log(
      `    goal (occurrence "all" ≤ ${GOAL}× the floor): ${ratio <= GOAL ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×)`,
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
