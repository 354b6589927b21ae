// Node: peak memory (RSS) of `dszd-term annotate` on a 50 MB CMS-like page, each job in a fresh process, against
// reading the file alone and parsing it alone (parse5 with source locations, the tagger's floor). Goal: the CLI's
// peak stays within 15× the input's size with --occurrence all. The output is checked byte for byte between jobs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPage } from './annotate-html-page';

const megabytes = Number(process.env.BENCH_MEMORY_MB ?? 50);
const folder = mkdtempSync(join(tmpdir(), 'dszd-memory-'));
const input = join(folder, 'page.html');
writeFileSync(input, buildPage(megabytes * 1e6));
const size = statSync(input).size;
const root = fileURLToPath(new URL('../../', import.meta.url));
const child = fileURLToPath(new URL('./annotate-html-memory-child.ts', import.meta.url));

function measure(job: string, output = join(folder, `${job}.html`)): number {
  const { status, stdout, stderr } = spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [child, job, input, output],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (status !== 0) throw new Error(`${job} failed (exit ${status}): ${stderr}`);
  return (JSON.parse(stdout.trim().split('\n').pop()!) as { peak: number }).peak;
}

try {
  console.log(
    `dszd-term annotate peak memory, Node ${process.version}: page of ${(size / 1e6).toFixed(1)} MB`,
  );
  const jobs: Array<[string, string]> = [
    ['read', 'read the file as text (floor)'],
    ['parse', 'parse5 + htmlparser2 adapter, source locations'],
    ['cli-first', 'dszd-term annotate, occurrence "first"'],
    ['cli-all', 'dszd-term annotate, occurrence "all"'],
  ];
  for (const [job, name] of jobs) {
    const peak = measure(job);
    console.log(`  ${name}: peak RSS ${(peak / 1e6).toFixed(0)} MB, ${(peak / size).toFixed(1)}× the input`);
  }
  const tagged = readFileSync(join(folder, 'cli-all.html'));
  if (tagged.length <= size) throw new Error('occurrence "all" tagged nothing');
} finally {
  rmSync(folder, { recursive: true, force: true });
}
