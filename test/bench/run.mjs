// `npm run bench`: every test/bench/*.bench.ts in Node (tsx), one after another, then every
// test/bench/browser/*.bench.ts in headless Chromium through web-test-runner. Bench files print their own figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const listBenchFiles = (dir) => {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.bench.ts'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
};

let failed = 0;
const run = (label, command, args) => {
  console.log(`\n▶ ${label}`);
  const { status, error } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (error || status !== 0) {
    failed++;
    console.error(`✗ ${label} failed${error ? `: ${error.message}` : ` (exit ${status})`}`);
  }
};

for (const file of listBenchFiles(benchDir)) run(relative(root, file), bin('tsx'), [file]);

const browserFiles = listBenchFiles(join(benchDir, 'browser'));
if (browserFiles.length) {
  const config = join(benchDir, 'web-test-runner.bench.config.mjs');
  // BENCH_PORT lets a bench run beside a test run on the same machine.
  const port = process.env.BENCH_PORT ? ['--port', process.env.BENCH_PORT] : [];
  run(`browser: ${browserFiles.map((file) => relative(root, file)).join(', ')}`, bin('wtr'), [
    '--config',
    config,
    ...port,
  ]);
}

if (failed) {
  console.error(`\n${failed} benchmark run(s) failed`);
  process.exit(1);
}
