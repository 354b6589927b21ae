// The command against hostile or odd file systems: links out of a folder, endless and huge inputs, FIFOs, control
// characters in names, read-only and hard-linked files in place, and signals during a write.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, createFolder, PAGE, readTree, spawnCli, tag, TAGGED, type Outcome } from './cli-harness';

const SECRET = '<p>外部文件：数字社会</p>';

/** Runs the command and fails (killing it) if it has not ended within `ms`: a hang is a failure, not a timeout. */
async function runWithin(ms: number, args: string[], cwd: string, input = ''): Promise<Outcome> {
  const child = spawnCli(args, cwd);
  const outcome = collect(child);
  child.stdin.on('error', () => undefined);
  child.stdin.end(input);
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dszd-term ${args.join(' ')} still running after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([outcome, hang]);
  } finally {
    clearTimeout(timer);
  }
}

const run = (args: string[], cwd: string, input?: string) => runWithin(60_000, args, cwd, input);

/** A folder with a site whose links lead out of it: to a file, to a folder, and back up to the site itself. */
function createSiteWithLinks(): string {
  const folder = createFolder({
    'site/a.html': PAGE,
    'site/sub/b.html': '<p>未来社区</p>',
    'outside/secret.html': SECRET,
    'outside/deep/c.html': SECRET,
  });
  symlinkSync('../outside/secret.html', join(folder, 'site/link.html'));
  symlinkSync('../outside', join(folder, 'site/linked'));
  symlinkSync('..', join(folder, 'site/sub/up'));
  return folder;
}

const TAGGED_SECRET = `<p>外部文件：${tag('数字社会', '数字社会')}</p>`;

describe.concurrent('dszd-term command, hardened', { timeout: 300_000 }, () => {
  it('does not follow symbolic links in a folder run: skips them, says so in progress and summary', async () => {
    const folder = createSiteWithLinks();
    const result = await run(['annotate', 'site', '-o', 'out'], folder);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        '[1/5] site/a.html',
        '[2/5] site/link.html: skipped (symbolic link to a file, not followed)',
        '[3/5] site/linked: skipped (symbolic link to a folder, not followed)',
        '[4/5] site/sub/b.html',
        '[5/5] site/sub/up: skipped (symbolic link to a folder, not followed)',
        'tagged: 2 (matches: 3), copied as they are (not HTML): 0, symbolic links not followed: 3 (see --follow-symlinks), failed: 0',
        '',
      ].join('\n'),
    );
    expect(readTree(join(folder, 'out'))).toEqual({
      'a.html': TAGGED,
      'sub/b.html': `<p>${tag('未来社区', '未来社区')}</p>`,
    });
    const inPlace = await run(['annotate', 'site', '--in-place'], folder);
    expect(inPlace.code).toBe(0);
    expect(readTree(join(folder, 'outside'))).toEqual({ 'deep/c.html': SECRET, 'secret.html': SECRET });
    expect(readFileSync(join(folder, 'site/a.html'), 'utf8')).toBe(TAGGED);
  });

  it('follows links with --follow-symlinks into the output folder, but never loops or writes outside in place', async () => {
    const folder = createSiteWithLinks();
    const copied = await run(['annotate', 'site', '-o', 'out', '--follow-symlinks'], folder);
    expect(copied.code).toBe(0);
    expect(copied.stderr).toBe(
      [
        '[1/6] site/a.html',
        '[2/6] site/link.html',
        '[3/6] site/linked/secret.html',
        '[4/6] site/linked/deep/c.html',
        '[5/6] site/sub/b.html',
        '[6/6] site/sub/up: skipped (symbolic link back to a folder above it, not followed)',
        'tagged: 5 (matches: 6), copied as they are (not HTML): 0, symbolic links not followed: 1 (see --follow-symlinks), failed: 0',
        '',
      ].join('\n'),
    );
    expect(readTree(join(folder, 'out'))).toEqual({
      'a.html': TAGGED,
      'link.html': TAGGED_SECRET,
      'linked/deep/c.html': TAGGED_SECRET,
      'linked/secret.html': TAGGED_SECRET,
      'sub/b.html': `<p>${tag('未来社区', '未来社区')}</p>`,
    });
    const inPlace = await run(['annotate', 'site', '--in-place', '--follow-symlinks'], folder);
    expect(inPlace.code).toBe(1);
    expect(inPlace.stderr).toContain(
      'dszd-term: site/link.html: not written: ' +
        join(folder, 'outside/secret.html').replace(folder, folder),
    );
    expect(inPlace.stderr).toMatch(
      /dszd-term: site\/link\.html: not written: \S+ leads outside site through a symbolic link\n/,
    );
    expect(inPlace.stderr).toContain('failed: 3\n');
    expect(readTree(join(folder, 'outside'))).toEqual({ 'deep/c.html': SECRET, 'secret.html': SECRET });
  });

  it('never writes through a symbolic link inside the output folder to outside it', async () => {
    const folder = createFolder({
      'site/news/a.html': PAGE,
      'site/news/logo.png': 'png',
      'out/keep.txt': 'x',
    });
    mkdirSync(join(folder, 'elsewhere'));
    symlinkSync('../elsewhere', join(folder, 'out/news'));
    const result = await run(['annotate', 'site', '-o', 'out', '--force'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'dszd-term: site/news/a.html: not written: out/news/a.html leads outside out through a symbolic link\n',
    );
    expect(result.stderr).toContain(
      'dszd-term: site/news/logo.png: not written: out/news/logo.png leads outside out through a symbolic link\n',
    );
    expect(readdirSync(join(folder, 'elsewhere'))).toEqual([]);
  });

  it('refuses /dev/zero, a FIFO and a socket as input, and a FIFO or a device as --set, without hanging', async () => {
    const folder = createFolder({ 'site/a.html': PAGE });
    execFileSync('mkfifo', [join(folder, 'pipe.html')]);
    execFileSync('mkfifo', [join(folder, 'site/pipe.html')]);
    execFileSync('mkfifo', [join(folder, 'set.json')]);
    const zero = await run(['annotate', '/dev/zero'], folder);
    expect(zero).toEqual({
      code: 1,
      stdout: Buffer.from(''),
      stderr: 'dszd-term: /dev/zero: not a regular file (a character device)\n',
    });
    const fifo = await run(['annotate', 'pipe.html'], folder);
    expect(fifo.stderr).toBe('dszd-term: pipe.html: not a regular file (a FIFO)\n');
    expect(fifo.code).toBe(1);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(folder, 'socket.html'), resolve));
    try {
      const socket = await run(['annotate', 'socket.html'], folder);
      expect(socket.stderr).toBe('dszd-term: socket.html: not a regular file (a socket)\n');
      expect(socket.code).toBe(1);
    } finally {
      server.close();
    }
    const inFolder = await run(['annotate', 'site', '-o', 'out'], folder);
    expect(inFolder.stderr).toContain('dszd-term: site/pipe.html: not a regular file (a FIFO)\n');
    expect(inFolder.stderr).toContain(
      'tagged: 1 (matches: 2), copied as they are (not HTML): 0, failed: 1\n',
    );
    for (const set of ['set.json', '/dev/zero']) {
      const result = await run(['list', '--set', set], folder);
      expect(result).toEqual({
        code: 2,
        stdout: Buffer.from(''),
        stderr: `dszd-term: ${set}: not a regular file (${set === '/dev/zero' ? 'a character device' : 'a FIFO'})\n`,
      });
    }
  });

  it('refuses input over --max-size (default 64M) before reading it: a sparse 100 GB file, stdin, --set', async () => {
    const folder = createFolder({
      'small.html': PAGE,
      'set.json': JSON.stringify({ padding: 'x'.repeat(2000) }),
    });
    writeFileSync(join(folder, 'huge.html'), '');
    truncateSync(join(folder, 'huge.html'), 100 * 1024 ** 3);
    const huge = await run(['annotate', 'huge.html'], folder);
    expect(huge).toEqual({
      code: 1,
      stdout: Buffer.from(''),
      stderr: 'dszd-term: huge.html: too large: 100G, over the --max-size limit of 64M\n',
    });
    const limited = await run(['annotate', 'small.html', '--max-size', '40'], folder);
    expect(limited.stderr).toBe(
      `dszd-term: small.html: too large: ${Buffer.byteLength(PAGE)} bytes, over the --max-size limit of 40 bytes\n`,
    );
    expect(
      (
        await run(['annotate', 'small.html', '--max-size', `${Buffer.byteLength(PAGE)}`], folder)
      ).stdout.toString(),
    ).toBe(TAGGED);
    const stdin = await run(['annotate', '-', '--max-size', '1K'], folder, `<p>${'数'.repeat(400)}</p>`);
    expect(stdin).toEqual({
      code: 1,
      stdout: Buffer.from(''),
      stderr: 'dszd-term: <stdin>: too large: more than 1K, over the --max-size limit of 1K\n',
    });
    const set = await run(['list', '--set', 'set.json', '--max-size', '1k'], folder);
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(
      /^dszd-term: set\.json: too large: \d+ bytes, over the --max-size limit of 1K\n$/,
    );
    const bad = await run(['annotate', 'small.html', '--max-size', '64X'], folder);
    expect(bad).toEqual({
      code: 2,
      stdout: Buffer.from(''),
      stderr:
        'dszd-term: annotate: --max-size must be a size such as 64M, 500K or 1000000 (bytes), got "64X"\n',
    });
  });

  it('prints file names with control characters escaped: no terminal escape passes, no line is forged', async () => {
    const forged = 'red\x1b[31m\nfiles: 99, matches: 99, skipped: 0, failed: 0\n\u202elmth.html';
    const folder = createFolder({ [`site/${forged}`]: Buffer.from([0x47, 0x49, 0x46, 0, 1]) });
    const result = await run(['annotate', 'site', '-o', 'out'], folder);
    const shown = 'site/red\\x1b[31m\\nfiles: 99, matches: 99, skipped: 0, failed: 0\\n\\u202elmth.html';
    expect(result.stderr).toBe(
      [
        `[1/1] ${shown}`,
        `dszd-term: ${shown}: binary file, not HTML (copied unchanged)`,
        'tagged: 0 (matches: 0), copied as they are (not HTML): 0, failed: 1',
        '',
      ].join('\n'),
    );
    const missing = await run(['annotate', 'gone\x1b]0;title\x07.html'], folder);
    expect(missing.stderr).toBe('dszd-term: gone\\x1b]0;title\\x07.html: no such file\n');
    const set = await run(['list', '--set', 'x\r\x9b2J.json'], folder);
    expect(set.stderr).toBe('dszd-term: x\\r\\x9b2J.json: no such file\n');
  });

  it('--in-place refuses read-only and hard-linked files unless --force, and keeps the mode', async () => {
    const folder = createFolder({ 'site/ro.html': PAGE, 'site/linked.html': PAGE, 'site/ok.html': PAGE });
    chmodSync(join(folder, 'site/ro.html'), 0o444);
    linkSync(join(folder, 'site/linked.html'), join(folder, 'other-name.html'));
    const refused = await run(['annotate', 'site', '--in-place'], folder);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      [
        '[1/3] site/linked.html',
        'dszd-term: site/linked.html: has 2 hard links, not replaced: the new file would break them and the other names would keep the old text (use --force to replace it anyway)',
        '[2/3] site/ok.html',
        '[3/3] site/ro.html',
        'dszd-term: site/ro.html: read-only, not replaced (use --force to replace it anyway)',
        'tagged: 1 (matches: 2), copied as they are (not HTML): 0, failed: 2',
        '',
      ].join('\n'),
    );
    expect(readTree(folder)).toEqual({
      'other-name.html': PAGE,
      'site/linked.html': PAGE,
      'site/ok.html': TAGGED,
      'site/ro.html': PAGE,
    });
    const single = await run(['annotate', 'site/ro.html', '--in-place'], folder);
    expect(single.stderr).toContain(
      'dszd-term: site/ro.html: read-only, not replaced (use --force to replace it anyway)\n',
    );
    expect(single.code).toBe(1);
    const forced = await run(['annotate', 'site', '--in-place', '--force'], folder);
    expect(forced.code).toBe(0);
    expect(readTree(folder)).toEqual({
      'other-name.html': PAGE,
      'site/linked.html': TAGGED,
      'site/ok.html': TAGGED,
      'site/ro.html': TAGGED,
    });
    expect(statSync(join(folder, 'site/ro.html')).mode & 0o777).toBe(0o444);
    expect(statSync(join(folder, 'site/linked.html')).nlink).toBe(1);
  });

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`removes its temporary file on ${signal} and exits ${code}`, async () => {
      const folder = createFolder({ 'a.html': PAGE });
      for (const args of [
        ['annotate', 'a.html', '-o', 'out.html'],
        ['annotate', 'a.html', '--in-place'],
      ]) {
        const child = spawnCli(args, folder, { DSZD_TERM_TEST_PAUSE: 'before-rename' });
        child.stdin.end();
        const outcome = collect(child);
        // the command says when it has written its temporary file and waits before renaming it; the signal goes to
        // that process itself, as a terminal or a service manager sends it (the tsx wrapper that runs the TypeScript
        // here would relay it, but turns it into SIGKILL when the machine is slow to answer)
        const pid = await new Promise<number>((resolve) => {
          let seen = '';
          child.stderr.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            const paused = /paused before rename, pid (\d+)/.exec(seen);
            if (paused) resolve(Number(paused[1]));
          });
        });
        expect(readdirSync(folder).filter((name) => name.endsWith('.dszd-tmp'))).toHaveLength(1);
        process.kill(pid, signal);
        expect((await outcome).code).toBe(code);
        expect(readTree(folder)).toEqual({ 'a.html': PAGE });
      }
    });
  }
});
