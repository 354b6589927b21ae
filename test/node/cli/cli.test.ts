// The real dszd-term command, spawned (see cli-harness.ts).
import { chmodSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { toDefinitionsJson } from '../../../src/definitions/serialize';
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import { createFolder, PAGE, readTree, root, run, tag, TAGGED } from './cli-harness';

const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
  .version;

// Each spawn starts tsx (about a second, many on a loaded machine): generous timeouts, tests run concurrently.
describe.concurrent('dszd-term command', { timeout: 300_000 }, () => {
  it('prints help, exit codes included, and the version', async () => {
    const folder = createFolder();
    const help = await run(['--help'], folder);
    expect(help.code).toBe(0);
    expect(help.stdout.toString()).toContain('Usage: dszd-term <command> [options]');
    expect(help.stdout.toString()).toContain('Exit codes:\n  0  done\n  1  a file could not be tagged');
    const version = await run(['--version'], folder);
    expect(version).toEqual({ code: 0, stdout: Buffer.from(`${packageVersion}\n`), stderr: '' });
    const none = await run([], folder);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: dszd-term');
  });

  it('tags stdin to stdout', async () => {
    const result = await run(['annotate', '-', '--occurrence', 'all'], createFolder(), PAGE);
    expect(result).toEqual({
      code: 0,
      stdout: Buffer.from(
        `<p>${tag('数字社会', '数字社会')}和${tag('城市大脑', '城市大脑')}，${tag('数字社会', '数字社会')}</p>`,
      ),
      stderr: '',
    });
  });

  it('tags a file to stdout, or to -o, and never replaces an existing output without --force', async () => {
    const folder = createFolder({ 'a.html': PAGE, 'taken.html': 'old' });
    expect(await run(['annotate', 'a.html'], folder)).toEqual({
      code: 0,
      stdout: Buffer.from(TAGGED),
      stderr: '',
    });
    expect((await run(['annotate', 'a.html', '-o', 'out.html'], folder)).code).toBe(0);
    expect(readFileSync(join(folder, 'out.html'), 'utf8')).toBe(TAGGED);
    const refused = await run(['annotate', 'a.html', '-o', 'taken.html'], folder);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'dszd-term: annotate: output taken.html exists (use --force to replace it)\n',
    );
    expect(readFileSync(join(folder, 'taken.html'), 'utf8')).toBe('old');
    expect((await run(['annotate', 'a.html', '-o', 'taken.html', '--force'], folder)).code).toBe(0);
    expect(readFileSync(join(folder, 'taken.html'), 'utf8')).toBe(TAGGED);
    expect(readFileSync(join(folder, 'a.html'), 'utf8')).toBe(PAGE);
  });

  it('refuses to write over its input without --in-place', async () => {
    const folder = createFolder({ 'a.html': PAGE });
    const result = await run(['annotate', 'a.html', '-o', './a.html', '--force'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'dszd-term: annotate: output ./a.html is the input; use --in-place to change it\n',
    );
    expect(readFileSync(join(folder, 'a.html'), 'utf8')).toBe(PAGE);
  });

  it('refuses an output that would replace another input, or two inputs written to one output (exit 2, nothing written)', async () => {
    const folder = createFolder({
      'a/index.html': PAGE,
      'b/index.html': '<p>未来社区</p>',
      'index.html': PAGE,
    });
    const overInput = await run(['annotate', 'a/index.html', 'index.html', '-o', '.', '--force'], folder);
    expect(overInput.code).toBe(2);
    expect(overInput.stderr).toBe(
      'dszd-term: annotate: a/index.html would be written over the input index.html; use --in-place to change inputs\n',
    );
    const twice = await run(['annotate', 'a/index.html', 'b/index.html', '-o', 'out'], folder);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(
      'dszd-term: annotate: a/index.html and b/index.html would both be written to out/index.html\n',
    );
    expect(readTree(folder)).toEqual({
      'a/index.html': PAGE,
      'b/index.html': '<p>未来社区</p>',
      'index.html': PAGE,
    });
  });

  it('tags a folder into an output folder: nested pages tagged, other files copied, a bad file reported', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const folder = createFolder({
      'site/index.html': PAGE,
      'site/news/2022/a.htm': '<div>未来社区</div>',
      'site/news/b.HTML': '<p>没有术语</p>',
      'site/news/broken.html': png,
      'site/img/logo.png': png,
      'site/style.css': 'p { color: red } /* 数字社会 */',
    });
    const result = await run(['annotate', 'site', '-o', 'out'], folder);
    expect(result.code).toBe(1);
    expect(result.stdout.toString()).toBe('');
    expect(result.stderr).toBe(
      [
        '[1/6] site/index.html',
        '[2/6] site/style.css',
        '[3/6] site/img/logo.png',
        '[4/6] site/news/b.HTML',
        '[5/6] site/news/broken.html',
        'dszd-term: site/news/broken.html: binary file, not HTML (copied unchanged)',
        '[6/6] site/news/2022/a.htm',
        'tagged: 3 (matches: 3), copied as they are (not HTML): 2, failed: 1',
        '',
      ].join('\n'),
    );
    expect(readTree(join(folder, 'out'))).toEqual({
      'img/logo.png': png.toString('utf8'),
      'index.html': TAGGED,
      'news/2022/a.htm': `<div>${tag('未来社区', '未来社区')}</div>`,
      'news/b.HTML': '<p>没有术语</p>',
      // a page that could not be tagged goes to the export as it was: the export stays complete
      'news/broken.html': png.toString('utf8'),
      'style.css': 'p { color: red } /* 数字社会 */',
    });
    expect(readFileSync(join(folder, 'site/index.html'), 'utf8')).toBe(PAGE);
  });

  it('reports an unreadable file (a broken symbolic link) in a folder and goes on', async () => {
    const folder = createFolder({ 'site/a.html': PAGE });
    symlinkSync('nowhere.html', join(folder, 'site/b.html'));
    const result = await run(['annotate', 'site', '-o', 'out'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('dszd-term: site/b.html: unreadable (broken symbolic link)\n');
    expect(result.stderr).toContain('tagged: 1 (matches: 2), copied as they are (not HTML): 0, failed: 1\n');
    expect(readTree(join(folder, 'out'))).toEqual({ 'a.html': TAGGED });
  });

  it('needs -o or --in-place for a folder, and refuses -o inside the input or an output folder with files', async () => {
    const folder = createFolder({ 'site/a.html': PAGE, 'full/x.txt': 'x' });
    const noOutput = await run(['annotate', 'site'], folder);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toBe(
      'dszd-term: annotate: site is a folder: give an output folder with -o <folder>, or --in-place\n',
    );
    const inside = await run(['annotate', 'site', '-o', 'site/out'], folder);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toBe(
      'dszd-term: annotate: output site/out is inside the input site; use --in-place to change the input\n',
    );
    const same = await run(['annotate', 'site', '-o', 'site'], folder);
    expect(same.code).toBe(2);
    const full = await run(['annotate', 'site', '-o', 'full'], folder);
    expect(full.code).toBe(2);
    expect(full.stderr).toBe(
      'dszd-term: annotate: output folder full is not empty (use --force to write into it)\n',
    );
    expect(readTree(folder)).toEqual({ 'full/x.txt': 'x', 'site/a.html': PAGE });
  });

  it('tags in place atomically: a new file renamed over the old, mode kept, no temporary file left', async () => {
    const folder = createFolder({
      'site/a.html': PAGE,
      'site/sub/none.html': '<p>无</p>',
      'site/x.txt': '数字社会',
    });
    chmodSync(join(folder, 'site/a.html'), 0o640);
    const before = statSync(join(folder, 'site/a.html'));
    const untouched = statSync(join(folder, 'site/sub/none.html'));
    const result = await run(['annotate', '--in-place', 'site'], folder);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      '[1/3] site/a.html\n[2/3] site/x.txt\n[3/3] site/sub/none.html\ntagged: 2 (matches: 2), copied as they are (not HTML): 1, failed: 0\n',
    );
    const after = statSync(join(folder, 'site/a.html'));
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o640);
    expect(statSync(join(folder, 'site/sub/none.html')).ino).toBe(untouched.ino);
    expect(readTree(folder)).toEqual({
      'site/a.html': TAGGED,
      'site/sub/none.html': '<p>无</p>',
      'site/x.txt': '数字社会',
    });
  });

  it('tags a single file in place', async () => {
    const folder = createFolder({ 'a.html': PAGE });
    const result = await run(['annotate', 'a.html', '--in-place'], folder);
    expect(result.code).toBe(0);
    expect(readTree(folder)).toEqual({ 'a.html': TAGGED });
  });

  it('fails with a one-line message naming the file for each kind of bad input (exit 1)', async () => {
    const folder = createFolder({
      'binary.html': Buffer.from([0x47, 0x49, 0x46, 0x38, 0, 0, 1, 2, 3]),
      'notes.txt': '数字社会 only text',
      'gbk.html': iconv.encode('<p>数字社会</p>', 'gbk'),
    });
    symlinkSync('gone.html', join(folder, 'dangling.html'));
    const cases: Array<[string, string]> = [
      ['missing.html', 'dszd-term: missing.html: no such file\n'],
      ['dangling.html', 'dszd-term: dangling.html: unreadable (broken symbolic link)\n'],
      ['binary.html', 'dszd-term: binary.html: binary file, not HTML\n'],
      ['notes.txt', 'dszd-term: notes.txt: not HTML (no markup at all)\n'],
      [
        'gbk.html',
        'dszd-term: gbk.html: not valid UTF-8 at byte 3 (no charset is declared; if the page is GBK, pass --encoding gbk)\n',
      ],
    ];
    for (const [file, message] of cases) {
      const result = await run(['annotate', file], folder);
      expect({ file, code: result.code, stderr: result.stderr, stdout: result.stdout.length }).toEqual({
        file,
        code: 1,
        stderr: message,
        stdout: 0,
      });
    }
  });

  it('reads and writes an undeclared GBK page with --encoding gbk, and a declared one without', async () => {
    const folder = createFolder({
      'gbk.html': iconv.encode('<p>数字社会</p>', 'gbk'),
      'declared.html': iconv.encode('<meta charset="gb2312"><p>城市大脑</p>', 'gbk'),
    });
    const undeclared = await run(['annotate', 'gbk.html', '--encoding', 'gbk'], folder);
    expect(undeclared.code).toBe(0);
    expect(iconv.decode(undeclared.stdout, 'gbk')).toBe(`<p>${tag('数字社会', '数字社会')}</p>`);
    const declared = await run(['annotate', 'declared.html'], folder);
    expect(iconv.decode(declared.stdout, 'gbk')).toBe(
      `<meta charset="gb2312"><p>${tag('城市大脑', '城市大脑')}</p>`,
    );
  });

  it('rejects bad options and unknown commands as usage errors (exit 2), touching nothing', async () => {
    const folder = createFolder({ 'a.html': PAGE });
    const cases: Array<[string[], string]> = [
      [
        ['annotate', 'a.html', '--occurrence', 'most'],
        'dszd-term: annotate: --occurrence must be "first" or "all", got "most"\n',
      ],
      [
        ['annotate', 'a.html', '--exclude', 'p['],
        'dszd-term: annotate: --exclude is not a valid CSS selector: "p["\n',
      ],
      [
        ['annotate', 'a.html', '--encoding', 'klingon'],
        'dszd-term: annotate: --encoding: unknown encoding "klingon"\n',
      ],
      [
        ['annotate', 'a.html', '--bogus'],
        'dszd-term: annotate: unknown option --bogus (see dszd-term --help)\n',
      ],
      [
        ['annotate', 'a.html', '-o'],
        'dszd-term: annotate: option --output needs a value (see dszd-term --help)\n',
      ],
      [
        ['annotate', 'a.html', '--in-place', '-o', 'x'],
        'dszd-term: annotate: --in-place and -o exclude each other\n',
      ],
      [['annotate'], 'dszd-term: annotate: no input (give files, folders, or - for stdin)\n'],
      [['frobnicate'], 'dszd-term: unknown command "frobnicate" (try dszd-term --help)\n'],
    ];
    for (const [args, message] of cases) {
      const result = await run(args, folder);
      expect({ args, code: result.code, stderr: result.stderr.slice(0, message.length) }).toEqual({
        args,
        code: 2,
        stderr: message,
      });
      expect(result.stderr.split('\n')).toHaveLength(2);
    }
    expect(readTree(folder)).toEqual({ 'a.html': PAGE });
  });

  it('uses a custom set, and rejects an invalid one with its one-line message (exit 2)', async () => {
    const custom = {
      title: '测试集',
      version: '1',
      issuer: '测试',
      date: '2024-01-02',
      entries: [{ serial: 1, term: '测试术语', definition: ['定义。'], unit: '单位' }],
    };
    const folder = createFolder({
      'custom.json': JSON.stringify(custom),
      'broken.json': JSON.stringify({ ...custom, entries: [{ ...custom.entries[0], unit: '' }] }),
      'a.html': '<p>测试术语与数字社会</p>',
    });
    const tagged = await run(['annotate', 'a.html', '--set', 'custom.json'], folder);
    expect(tagged.stdout.toString()).toBe(`<p>${tag('测试术语', '测试术语')}与数字社会</p>`);
    const broken = await run(['annotate', 'a.html', '--set', 'broken.json'], folder);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^dszd-term: broken\.json: entry 1 \(测试术语\), field "unit": [^\n]+\n$/);
    const missing = await run(['list', '--set', 'nope.json'], folder);
    expect(missing).toEqual({
      code: 2,
      stdout: Buffer.from(''),
      stderr: 'dszd-term: nope.json: no such file\n',
    });
  });

  it('lists the entries, as text or as definitions.json', async () => {
    const folder = createFolder();
    const text = (await run(['list'], folder)).stdout.toString().split('\n');
    expect(text[0]).toBe('数字社会定义集（6.0版） 浙江省发展和改革委员会 2022-04-12，45 条');
    expect(text[1]).toBe(' 1  数字社会  解释单位：省发展改革委');
    expect(text[10]).toBe('10  教育“一张图”（又作：教育一张图）  解释单位：省教育厅');
    expect(text).toHaveLength(47);
    const json = await run(['list', '--json'], folder);
    expect(json.stdout.toString()).toBe(toDefinitionsJson(definitionSet));
  });

  it('looks up the terms of a text, with definition and unit; exit 1 when there is none', async () => {
    const folder = createFolder();
    const found = await run(['lookup', '推进', '浙里急救'], folder);
    const entry = definitionSet.entries.find((e) => e.term === '浙里急救')!;
    expect(found).toEqual({
      code: 0,
      stdout: Buffer.from(
        [
          `32. 浙里急救`,
          ...entry.definition.map((p) => `   ${p}`),
          ...entry.notes.map((n) => `   ${n}`),
          `   解释单位：${entry.unit}`,
          '',
        ].join('\n'),
      ),
      stderr: '',
    });
    const json = await run(['lookup', '--json', '智慧养老和城市大脑，智慧养老'], folder);
    expect(
      (JSON.parse(json.stdout.toString()) as Array<{ term: string; found: string }>).map((e) => [
        e.term,
        e.found,
      ]),
    ).toEqual([
      ['养老大脑+智慧养老', '智慧养老'],
      ['城市大脑', '城市大脑'],
    ]);
    const none = await run(['lookup', '今天天气很好'], folder);
    expect(none).toEqual({
      code: 1,
      stdout: Buffer.from(''),
      stderr: 'dszd-term: no term of 数字社会定义集 found in the text\n',
    });
  });
});
