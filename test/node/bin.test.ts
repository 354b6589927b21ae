// bin/dszd-term.js, spawned as npx runs it: with the build missing (a fresh clone after `npm ci`) and present.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/dszd-term.js', import.meta.url));
const temporary: string[] = [];

/** A package folder holding a copy of the bin and, when given, a dist/cli.js. */
function packageWith(cliSource?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dszd-bin-'));
  temporary.push(dir);
  mkdirSync(join(dir, 'bin'));
  copyFileSync(bin, join(dir, 'bin', 'dszd-term.js'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  if (cliSource !== undefined) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'cli.js'), cliSource);
  }
  return dir;
}

function run(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(dir, 'bin', 'dszd-term.js'), ...args], { encoding: 'utf8' });
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('bin/dszd-term.js', () => {
  it('without a build: one line telling to run the build, exit 1, no stack trace', () => {
    const result = run(packageWith(), '--help');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('dszd-term: dist/cli.js is missing: run `npm run build` first.\n');
  });

  it('with a build: runs dist/cli.js with the arguments, its output and exit code unchanged', () => {
    const dir = packageWith('console.log(JSON.stringify(process.argv.slice(2))); process.exitCode = 3;\n');
    const result = run(dir, '--help', 'x');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('["--help","x"]\n');
    expect(result.status).toBe(3);
  });

  it.runIf(existsSync(fileURLToPath(new URL('../../dist/cli.js', import.meta.url))))(
    "the project's own build answers --help",
    () => {
      const result = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/dszd-term/);
      expect(result.stderr).toBe('');
    },
  );
});
