// Runs the real dszd-term command for the CLI tests: tsx runs src/cli/main.ts, the same code bin/dszd-term.js runs
// once built.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const main = join(root, 'src', 'cli', 'main.ts');

export interface Outcome {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Starts `dszd-term …args` in `cwd` with extra environment variables. */
export function spawnCli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  return spawn(tsx, [main, ...args], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

/** Waits for a started command to end, collecting its output. */
export function collect(child: ChildProcessWithoutNullStreams): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
  });
}

/** Runs `dszd-term …args` in `cwd`, feeding `input` to stdin. */
export function run(args: string[], cwd: string, input?: string | Buffer): Promise<Outcome> {
  const child = spawnCli(args, cwd);
  const outcome = collect(child);
  child.stdin.on('error', () => undefined); // a command that refuses its input stops reading it
  child.stdin.end(input ?? '');
  return outcome;
}

/** A fresh folder with the given files (path → content). */
export function createFolder(files: Record<string, string | Buffer> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'dszd-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  return folder;
}

/** Every file under a folder, relative path → content (`<symlink>` for a link, not followed), sorted. */
export function readTree(folder: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(join(folder, relative)).sort()) {
      const path = relative ? `${relative}/${name}` : name;
      const stats = lstatSync(join(folder, path));
      if (stats.isDirectory()) walk(path);
      else if (stats.isSymbolicLink()) tree[path] = '<symlink>';
      else tree[path] = readFileSync(join(folder, path), 'utf8');
    }
  };
  walk('');
  return tree;
}

export const tag = (term: string, inner: string) => `<dszd-term term="${term}">${inner}</dszd-term>`;
export const PAGE = '<p>数字社会和城市大脑，数字社会</p>';
export const TAGGED = `<p>${tag('数字社会', '数字社会')}和${tag('城市大脑', '城市大脑')}，数字社会</p>`;
