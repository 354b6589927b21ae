// The npm package as a consumer gets it: `npm run build`, `npm pack`, unpacked into a consumer folder, then its file
// list, publint, the data, the module graphs, Node without a DOM, the command, the type declarations through the
// package's own `exports`, the Custom Elements Manifest and the drop-in script's size budget.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIifeWithMap } from '../../../scripts/size';
import { checkStageBudgets } from '../../../scripts/size-budget';
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import type { DefinitionEntry } from '../../../src/definitions/types';
import { toDefinitionsJson } from '../../../src/definitions/serialize';
import { annotateHtml } from '../../../src/html/annotate-html';
import { VERSION } from '../../../src/version';
import { CONSUMER_SOURCE } from './consumer-source';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// Inside the repository's node_modules: the unpacked package finds its dependencies the way an install would.
const work = join(root, 'node_modules', '.cache', 'dszd-term-package-test');
const consumer = join(work, 'consumer');
const unpacked = join(consumer, 'node_modules', 'dszd-term');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  customElements: string;
  dependencies: Record<string, string>;
};

interface PackedFile {
  path: string;
  size: number;
  mode: number;
}
let packed: PackedFile[] = [];
let tarball = '';

function run(command: string, args: string[], options: { cwd?: string; input?: string } = {}) {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}

beforeAll(() => {
  run('npm', ['run', 'build']);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // prepack would build a second time: the build above is the one under test
  const [pack] = JSON.parse(
    run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work]),
  ) as {
    filename: string;
    files: PackedFile[];
  }[];
  packed = pack!.files;
  tarball = join(work, pack!.filename);
  run('tar', ['-xzf', tarball, '-C', work]);
  mkdirSync(dirname(unpacked), { recursive: true });
  renameSync(join(work, 'package'), unpacked);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  // a hang guard only: the whole build (six classic scripts, each reading the first stage's module graph) takes 2
  // minutes and more on a loaded 2-core machine
}, 600_000);

const paths = () => packed.map((file) => file.path);

/** Relative `import … from`/`export … from` specifiers of an ES module's text. */
function readImports(code: string): string[] {
  return [
    ...code.matchAll(
      /(?:^|[;}\s])(?:import|export)\b[^'"`;]*?from\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']/g,
    ),
  ].map((match) => (match[1] ?? match[2])!);
}

/** An ES module of the package and every module it reaches through relative imports. */
function readModuleGraph(entry: string): Map<string, string> {
  const modules = new Map<string, string>();
  const visit = (path: string) => {
    if (modules.has(path)) return;
    modules.set(path, readFileSync(join(unpacked, path), 'utf8'));
    for (const specifier of readImports(modules.get(path)!))
      if (specifier.startsWith('.')) visit(posix.join(posix.dirname(path), specifier));
  };
  visit(entry);
  return modules;
}

function bareImports(modules: Map<string, string>): Set<string> {
  return new Set(
    [...modules.values()].flatMap(readImports).filter((specifier) => !specifier.startsWith('.')),
  );
}

describe('npm pack', () => {
  it('ships the builds, types, manifest, command and schema', () => {
    expect(paths()).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'bin/dszd-term.js',
        'custom-elements.json',
        'data/definition-set.schema.json',
        'dist/dszd-term.js',
        'dist/define.js',
        'dist/auto.js',
        'dist/dszd-term.iife.js',
        'dist/dszd-term.live.js',
        'dist/dszd-term.card.js',
        'dist/dszd-term.highlight.js',
        'dist/dszd-term.sets.js',
        SET_TEXTS,
        ...ENTRY_FILES,
        'dist/dszd-glossary.iife.js',
        'dist/node.js',
        'dist/cli.js',
        'dist/definitions.json',
        'dist/types/index.d.ts',
        'dist/types/define.d.ts',
        'dist/types/auto.d.ts',
        'dist/types/node.d.ts',
      ]),
    );
  });

  it('ships nothing else: no sources, tests, demos, docs, scripts, CI files or source maps', () => {
    const allowed =
      /^(?:package\.json|README\.md|LICENSE(?:\.\w+)?|custom-elements\.json|bin\/dszd-term\.js|data\/definition-set\.schema\.json|dist\/.+\.(?:js|d\.ts|json))$/;
    expect(paths().filter((path) => !allowed.test(path))).toEqual([]);
    expect(
      paths().filter((path) => /(?:^|\/)(?:test|demo|src|docs|scripts|\.ci)\/|\.test\.|\.map$/.test(path)),
    ).toEqual([]);
  });

  it('ships every module the entry points import', () => {
    for (const entry of [
      'dist/dszd-term.js',
      'dist/define.js',
      'dist/auto.js',
      'dist/node.js',
      'dist/cli.js',
    ])
      for (const module of readModuleGraph(entry).keys())
        expect(paths(), `${entry} → ${module}`).toContain(module);
  });

  it('ships the command executable', () => {
    const bin = packed.find((file) => file.path === 'bin/dszd-term.js');
    expect(bin!.mode & 0o111, 'executable bits of bin/dszd-term.js').toBe(0o111);
    expect(readFileSync(join(unpacked, 'bin/dszd-term.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});

describe('package.json', () => {
  it('passes publint without errors or warnings', async () => {
    const buffer = readFileSync(tarball);
    const tarData = buffer.buffer.slice(
      buffer.byteOffset,
      buffer.byteOffset + buffer.byteLength,
    ) as ArrayBuffer;
    const { messages, pkg } = await publint({ pack: { tarball: tarData }, level: 'warning' });
    const problems = messages.map(
      (message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`,
    );
    expect(problems).toEqual([]);
  });

  it('has the version of src/version.ts', () => {
    expect(manifest.version).toBe(VERSION);
  });

  it('points customElements at the shipped manifest', () => {
    expect(paths()).toContain(manifest.customElements);
  });
});

describe('dist/definitions.json', () => {
  it('is the compiled set: metadata and 45 entries, each with exactly the published fields', () => {
    const json = JSON.parse(readFileSync(join(unpacked, 'dist/definitions.json'), 'utf8')) as {
      entries: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual(['title', 'version', 'issuer', 'date', 'entries']);
    expect(json).toMatchObject({
      title: '数字社会定义集',
      version: '6.0',
      issuer: '浙江省发展和改革委员会',
      date: '2022-04-12',
    });
    expect(json.entries.map((entry) => entry.serial)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    for (const entry of json.entries) {
      expect(Object.keys(entry)).toEqual([
        'serial',
        'term',
        'aliases',
        'definition',
        'notes',
        'unit',
        'unitName',
        'related',
      ]);
      expect(entry).toEqual({
        serial: expect.any(Number),
        term: expect.any(String),
        aliases: expect.any(Array),
        definition: expect.any(Array),
        notes: expect.any(Array),
        unit: expect.any(String),
        unitName: expect.any(String),
        related: expect.any(Array),
      });
    }
    expect(json).toEqual(JSON.parse(toDefinitionsJson(definitionSet)));
  });
});

describe('module graphs', () => {
  it('dist/dszd-term.js imports lit and Floating UI instead of carrying them', () => {
    const modules = readModuleGraph('dist/dszd-term.js');
    const bare = [...bareImports(modules)];
    expect(bare).toEqual(expect.arrayContaining(['lit', '@floating-ui/dom']));
    expect(bare.filter((specifier) => !/^(?:lit(?:\/.*)?|@floating-ui\/dom)$/.test(specifier))).toEqual([]);
    const text = [...modules.values()].join('\n');
    // strings lit-html, reactive-element and Floating UI keep through minification (the IIFE has them all)
    const markers = [
      'litHtmlVersions',
      'reactiveElementVersions',
      'convertOffsetParentRelativeRectToViewportRelativeRect',
    ];
    const iife = readFileSync(join(unpacked, 'dist/dszd-term.card.js'), 'utf8');
    for (const marker of markers) {
      expect(iife, `the card stage carries ${marker}`).toContain(marker);
      expect(text, `the ES build carries ${marker}`).not.toContain(marker);
    }
  });

  it('dist/node.js imports only Node modules and declared dependencies, no lit or Floating UI', () => {
    const bare = [...bareImports(readModuleGraph('dist/node.js'))];
    const dependencies = new Set(Object.keys(manifest.dependencies));
    const foreign = bare.filter((specifier) => {
      const name = specifier.startsWith('@')
        ? specifier.split('/').slice(0, 2).join('/')
        : specifier.split('/')[0]!;
      return !specifier.startsWith('node:') && !dependencies.has(name);
    });
    expect(foreign).toEqual([]);
    expect(bare.filter((specifier) => /^(?:lit|@lit|@floating-ui)/.test(specifier))).toEqual([]);
  });

  it('the classic scripts are one function each: no imports, no exports, no globals of their own', () => {
    for (const file of CLASSIC_SCRIPTS) {
      const code = readFileSync(join(unpacked, file), 'utf8');
      // the notice (with the bundled packages' licenses where there are any), then one function that runs at once
      expect(code, file).toMatch(/^\/\*! dszd-term [^\n]*\*\/\n\(function\(\)\{/);
      expect(code.trimEnd(), file).toMatch(/\}\)\(\);$/);
      expect(readImports(code), file).toEqual([]);
      expect(code, file).not.toMatch(/\bimport\.meta\b|\bimport\(/);
    }
    const lit = 'Bundles lit (BSD-3-Clause, Copyright (c) 2017 Google LLC)';
    const notice = (file: string) => readFileSync(join(unpacked, file), 'utf8').split('\n')[0];
    expect(notice('dist/dszd-term.card.js')).toContain(lit);
    expect(notice('dist/dszd-term.card.js')).toContain(
      'Floating UI (MIT, Copyright (c) 2021-present Floating UI contributors)',
    );
    expect(notice('dist/dszd-glossary.iife.js')).toContain(lit);
    // the first stage bundles neither: its marker strings are not in it
    expect(readFileSync(join(unpacked, 'dist/dszd-term.iife.js'), 'utf8')).not.toMatch(
      /litHtmlVersions|reactiveElementVersions|computePosition/,
    );
    // the highlight stage's <dszd-term-index> runs on the card stage's lit: it bundles no lit of its own
    expect(readFileSync(join(unpacked, 'dist/dszd-term.highlight.js'), 'utf8')).not.toMatch(
      /litHtmlVersions|reactiveElementVersions|litElementVersions/,
    );
  });

  it("no later stage carries the matcher or the annotator again (they read the first stage's)", () => {
    // strings of the first stage's modules that minification keeps
    const firstStageMarkers = ['data-dszd-auto', 'dszd-term: no entry for', 'annotate: root must be'];
    const first = readFileSync(join(unpacked, 'dist/dszd-term.iife.js'), 'utf8');
    for (const marker of firstStageMarkers) expect(first, marker).toContain(marker);
    for (const file of [
      'dist/dszd-term.live.js',
      'dist/dszd-term.card.js',
      'dist/dszd-term.highlight.js',
      'dist/dszd-term.sets.js',
    ]) {
      const code = readFileSync(join(unpacked, file), 'utf8');
      for (const marker of firstStageMarkers) expect(code, `${file}: ${marker}`).not.toContain(marker);
    }
  });

  it('no source module of the first stage is bundled again in a later stage (each reads it from the registry)', async () => {
    // the stages' own source maps say which modules each one bundles; the registry is how they meet, in each
    const sourcesOf = async (mode: string) =>
      new Set(
        (await buildIifeWithMap(mode)).map.sources
          .map((source) => source.replace(/^(?:\.\.\/)+/, ''))
          .filter((source) => source.startsWith('src/') && source !== 'src/stages/stage-registry.ts'),
      );
    const first = await sourcesOf('iife');
    // the matcher and the annotator at least, so the check cannot pass on an empty list
    for (const module of ['src/match/automaton.ts', 'src/match/scan.ts', 'src/annotate/annotate.ts'])
      expect(first, module).toContain(module);
    for (const mode of ['iife-live', 'iife-card', 'iife-highlight', 'iife-sets']) {
      const later = await sourcesOf(mode);
      expect(later.size, mode).toBeGreaterThan(0);
      expect(
        [...later].filter((module) => first.has(module)),
        mode,
      ).toEqual([]);
    }
    // five stages built again with source maps, each reading the first stage's graph: minutes on a loaded machine
  }, 300_000);
});

/**
 * Where `program` has a call in an optional chain (`a?.b(…)`, `a?.(…)`, or a later call of the same chain) with a spread
 * argument before another argument: Chrome and Edge 80–90 throw on it (crbug.com/42201552), and the build keeps `?.`
 * unlowered for them (vite.config.ts LOWERING_TARGET).
 */
function findSpreadBeforeArgumentInChain(program: acorn.Node): number[] {
  type AnyNode = acorn.Node & Record<string, unknown>;
  const found: number[] = [];
  const isNode = (value: unknown): value is AnyNode =>
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
  const visit = (node: AnyNode): void => {
    if (node.type === 'ChainExpression') {
      // the chain's spine: calls and member accesses down to its first object
      for (let link = node.expression as AnyNode | undefined; link;) {
        if (link.type === 'CallExpression') {
          const args = link.arguments as AnyNode[];
          if (args.slice(0, -1).some((arg) => arg.type === 'SpreadElement')) found.push(link.start);
          link = link.callee as AnyNode;
        } else if (link.type === 'MemberExpression') link = link.object as AnyNode;
        else link = undefined;
      }
    }
    for (const value of Object.values(node))
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child);
  };
  visit(program as AnyNode);
  return found;
}

/**
 * The positions of regular expression literals with a lookbehind (`(?<=…)`, `(?<!…)`). acorn takes them at 2020 (they
 * are ES2018), but Safari before 16.4 does not: there the whole file is a SyntaxError and nothing of it runs.
 */
function findLookbehinds(code: string, sourceType: 'script' | 'module'): number[] {
  const found: number[] = [];
  acorn.parse(code, {
    ecmaVersion: 2020,
    sourceType,
    onToken: (token) => {
      // a regexp token's value is { pattern, flags, value } (acorn's Token type does not declare it)
      const regex = (token as unknown as { value?: { pattern?: unknown } }).value?.pattern;
      if (token.type === acorn.tokTypes.regexp && typeof regex === 'string' && /\(\?<[=!]/.test(regex))
        found.push(token.start);
    },
  });
  return found;
}

/** The drop-in's stages and the glossary script. */
const CLASSIC_SCRIPTS = [
  'dist/dszd-term.iife.js',
  'dist/dszd-term.live.js',
  'dist/dszd-term.card.js',
  'dist/dszd-term.highlight.js',
  'dist/dszd-term.sets.js',
  'dist/dszd-glossary.iife.js',
];

/** The files of the entries' texts beside the drop-in's stages: the whole set's, and one per entry. */
const SET_TEXTS = 'dist/dszd-term.texts.js';
const ENTRY_FILES = definitionSet.entries.map((entry) => `dist/dszd-term.entry-${entry.serial}.js`);

describe("the files of the entries' texts", () => {
  it("ships the set's file and one per entry, and no other", () => {
    expect(paths()).toContain(SET_TEXTS);
    expect(
      paths()
        .filter((path) => path.includes('.entry-'))
        .sort(),
    ).toEqual([...ENTRY_FILES].sort());
  });

  /** What a file of texts puts in the stages' registry, run as a classic script in a context of its own. */
  function runTextsFile(file: string): Record<string, unknown> {
    const sandbox = vm.createContext({});
    vm.runInContext(readFileSync(join(unpacked, file), 'utf8'), sandbox, { filename: file });
    expect(Object.keys(sandbox), `${file}: no global of its own`).toEqual([]);
    // (through JSON: the arrays were made in the other context)
    return JSON.parse(
      JSON.stringify(vm.runInContext('globalThis[Symbol.for("dszd-term.stages")]', sandbox)),
    ) as Record<string, unknown>;
  }

  it("each puts its entries' terms and texts, exactly as compiled, in the stages' registry and nothing else", () => {
    const json = JSON.parse(readFileSync(join(unpacked, 'dist/definitions.json'), 'utf8')) as {
      entries: DefinitionEntry[];
    };
    const rowOf = (entry: DefinitionEntry) => [
      entry.term,
      entry.definition,
      entry.notes,
      entry.unit,
      entry.unitName ?? 0,
      entry.related ?? 0,
    ];
    expect(json.entries).toHaveLength(45);
    for (const entry of json.entries)
      expect(runTextsFile(`dist/dszd-term.entry-${entry.serial}.js`)).toEqual({
        [`entry/${entry.serial}`]: rowOf(entry),
      });
    expect(runTextsFile(SET_TEXTS)).toEqual({
      texts: Object.fromEntries(json.entries.map((entry) => [String(entry.serial), rowOf(entry)])),
    });
  });

  it('every browser script is ASCII: a page in GBK decodes a script served without a charset as GBK', () => {
    for (const file of [...CLASSIC_SCRIPTS, SET_TEXTS, ...ENTRY_FILES])
      expect(readFileSync(join(unpacked, file), 'utf8'), file).toMatch(/^[\t\n\r\x20-\x7e]*$/);
  });
});

describe('syntax baseline ES2020 (Chrome/Edge 80, Safari/iOS 14, Firefox 78)', () => {
  /** Every browser file: the classic scripts and the ES build with every chunk it imports. */
  function browserFiles(): { file: string; sourceType: 'script' | 'module' }[] {
    const modules = new Set<string>();
    for (const entry of ['dist/dszd-term.js', 'dist/define.js', 'dist/auto.js'])
      for (const module of readModuleGraph(entry).keys()) modules.add(module);
    return [
      ...[...CLASSIC_SCRIPTS, SET_TEXTS, ...ENTRY_FILES].map((file) => ({
        file,
        sourceType: 'script' as const,
      })),
      ...[...modules].map((file) => ({ file, sourceType: 'module' as const })),
    ];
  }

  it('every shipped browser file parses with acorn at ecmaVersion 2020', () => {
    const files = browserFiles();
    expect(files.length).toBeGreaterThan(CLASSIC_SCRIPTS.length);
    const failures: string[] = [];
    for (const { file, sourceType } of files) {
      const code = readFileSync(join(unpacked, file), 'utf8');
      try {
        acorn.parse(code, { ecmaVersion: 2020, sourceType });
      } catch (error) {
        const at = (error as { pos?: number }).pos ?? 0;
        failures.push(
          `${file}: ${(error as Error).message} near ${JSON.stringify(code.slice(at - 40, at + 40))}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('no browser file has an optional call with a spread before another argument (throws in Chrome/Edge 80–90)', () => {
    const failures = browserFiles().flatMap(({ file, sourceType }) =>
      findSpreadBeforeArgumentInChain(
        acorn.parse(readFileSync(join(unpacked, file), 'utf8'), { ecmaVersion: 2020, sourceType }),
      ).map((at) => `${file} at ${at}`),
    );
    expect(failures).toEqual([]);
  });

  it('the optional-call check finds `a?.b(...c, d)` and `a?.(...c, d)`, and lets `a?.b(...c)` and `a.b(...c, d)` pass', () => {
    const find = (code: string) => findSpreadBeforeArgumentInChain(acorn.parse(code, { ecmaVersion: 2020 }));
    for (const code of ['a?.b(...c, d);', 'a?.(...c, d);', 'x = a?.b.c(...c, d).e;'])
      expect(find(code), code).toHaveLength(1);
    for (const code of ['a?.b(...c);', 'a.b(...c, d);', 'a?.b(f(...c, d));'])
      expect(find(code), code).toEqual([]);
  });

  it('no regular expression literal has a lookbehind (a SyntaxError for the whole file before Safari 16.4)', () => {
    const failures = browserFiles().flatMap(({ file, sourceType }) =>
      findLookbehinds(readFileSync(join(unpacked, file), 'utf8'), sourceType).map((at) => `${file} at ${at}`),
    );
    expect(failures).toEqual([]);
  });

  it('the lookbehind check finds `/(?<=a)b/` and `/(?<!a)b/`, and lets named groups and strings pass', () => {
    expect(findLookbehinds('x = /(?<=a)b/;', 'script')).toHaveLength(1);
    expect(findLookbehinds('x = /(?<!a)b/u.test(y);', 'script')).toHaveLength(1);
    expect(findLookbehinds('x = /(?<name>a)/; y = "(?<=a)";', 'script')).toEqual([]);
  });

  it('the check itself fails on syntax newer than 2020 (static blocks, private methods, ??=)', () => {
    for (const code of ['class A { static { this.x = 1; } }', 'class A { #m() {} }', 'let a; a ??= 1;'])
      expect(() => acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' }), code).toThrow();
  });
});

describe('in Node, as installed', () => {
  it('dszd-term/node loads without a DOM and tags HTML exactly as the sources do', () => {
    const script = `
      const node = await import('dszd-term/node');
      console.log(JSON.stringify({
        document: typeof document,
        window: typeof window,
        matches: node.findTerms('推进数字社会建设'),
        html: node.annotateHtml('<p>数字社会与未来社区</p><a>数字社会</a>').html,
        entries: node.definitionSet.entries.length,
      }));`;
    const result = JSON.parse(
      run('node', ['--input-type=module', '-e', script], { cwd: consumer }),
    ) as Record<string, unknown>;
    expect(result).toEqual({
      document: 'undefined',
      window: 'undefined',
      matches: [{ start: 2, end: 6, term: '数字社会', serial: 1 }],
      html: annotateHtml('<p>数字社会与未来社区</p><a>数字社会</a>').html,
      entries: 45,
    });
    expect(result.html).toBe(
      '<p><dszd-term term="数字社会">数字社会</dszd-term>与<dszd-term term="未来社区">未来社区</dszd-term></p><a>数字社会</a>',
    );
  });

  it('the command runs from the package layout: --version and annotate from stdin', () => {
    const bin = join(unpacked, 'bin', 'dszd-term.js');
    expect(run('node', [bin, '--version'], { cwd: consumer })).toBe(`${VERSION}\n`);
    expect(run('node', [bin, 'annotate', '-'], { cwd: consumer, input: '<p>数字社会</p>\n' })).toBe(
      '<p><dszd-term term="数字社会">数字社会</dszd-term></p>\n',
    );
  });
});

describe('type declarations, through the package exports', () => {
  const compile = (name: string, options: ts.CompilerOptions): string[] => {
    const file = join(consumer, `${name}.ts`);
    writeFileSync(file, CONSUMER_SOURCE);
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: ['node'],
      strict: true,
      noEmit: true,
      resolveJsonModule: true,
      // our declarations are checked too; lit's and Node's are theirs
      skipLibCheck: false,
      ...options,
    });
    return ts
      .getPreEmitDiagnostics(program)
      .filter(
        (diagnostic) => !diagnostic.file || !/\/node_modules\/(?!dszd-term\/)/.test(diagnostic.file.fileName),
      )
      .map((diagnostic) => {
        const where = diagnostic.file
          ? `${diagnostic.file.fileName.slice(consumer.length + 1)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
          : '';
        return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      });
  };

  it('resolve for a bundler (moduleResolution: bundler)', () => {
    expect(
      compile('bundler', { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
    ).toEqual([]);
  }, 60_000);

  it('resolve for Node (moduleResolution: nodenext)', () => {
    expect(
      compile('nodenext', {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
      }),
    ).toEqual([]);
  }, 60_000);
});

describe('custom-elements.json', () => {
  type Named = { name: string };
  interface Declaration {
    name: string;
    tagName?: string;
    customElement?: boolean;
    attributes?: Named[];
    events?: Named[];
    cssParts?: Named[];
    cssProperties?: Named[];
  }
  const names = (items: Named[] | undefined) => (items ?? []).map((item) => item.name);
  const readElements = () => {
    const json = JSON.parse(readFileSync(join(unpacked, 'custom-elements.json'), 'utf8')) as {
      modules: { declarations?: Declaration[] }[];
    };
    const elements = new Map<string, Declaration>();
    for (const module of json.modules)
      for (const declaration of module.declarations ?? [])
        if (declaration.customElement && declaration.tagName) elements.set(declaration.tagName, declaration);
    return elements;
  };

  it('describes the four elements with their attributes, events, parts and custom properties', () => {
    const elements = readElements();
    expect([...elements.keys()].sort()).toEqual([
      'dszd-card',
      'dszd-glossary',
      'dszd-term',
      'dszd-term-index',
    ]);
    const term = elements.get('dszd-term')!;
    expect(names(term.attributes)).toEqual(
      expect.arrayContaining(['term', 'show-delay', 'hide-delay', 'lang']),
    );
    expect(names(term.events)).toEqual(expect.arrayContaining(['dszd-show', 'dszd-hide', 'dszd-error']));
    expect(names(term.cssParts)).toEqual(expect.arrayContaining(['term']));
    expect(names(term.cssProperties)).toEqual(
      expect.arrayContaining(['--dszd-term-underline-color', '--dszd-accent']),
    );
    const card = elements.get('dszd-card')!;
    expect(names(card.cssParts)).toEqual(
      expect.arrayContaining([
        'card',
        'arrow',
        'header',
        'term-title',
        'close-button',
        'body',
        'definition',
        'notes',
        'unit',
        'source',
        'glossary-link',
      ]),
    );
    expect(names(card.cssProperties)).toEqual(
      expect.arrayContaining([
        '--dszd-card-background',
        '--dszd-card-color',
        '--dszd-card-max-width',
        '--dszd-card-font-size',
      ]),
    );
    const glossary = elements.get('dszd-glossary')!;
    expect(names(glossary.attributes)).toEqual(expect.arrayContaining(['lang', 'query', 'heading-level']));
    expect(names(glossary.events)).toEqual(expect.arrayContaining(['dszd-error']));
    expect(names(glossary.cssParts)).toEqual(
      expect.arrayContaining(['search', 'input', 'entry', 'term', 'definition']),
    );
    expect(names(glossary.cssProperties)).toEqual(expect.arrayContaining(['--dszd-glossary-accent']));
    // highlight mode's term index: no attributes (the session sets its properties)
    const index = elements.get('dszd-term-index')!;
    expect(names(index.attributes)).toEqual([]);
    expect(names(index.events)).toEqual(['dszd-show', 'dszd-hide']);
    expect(names(index.cssParts)).toEqual(['toggle', 'panel', 'list']);
    expect(names(index.cssProperties)).toEqual(
      expect.arrayContaining(['--dszd-accent', '--dszd-card-background', '--dszd-card-font-size']),
    );
  });
});

describe('size', () => {
  it('keeps each stage of the drop-in script within its gzip budget (npm run size shows where the bytes go)', () => {
    const checks = checkStageBudgets((file) => readFileSync(join(unpacked, 'dist', file)));
    expect(checks.length).toBe(7);
    for (const check of checks)
      expect(
        check.bytes,
        `${check.name}: ${check.bytes} bytes gzip, budget ${check.budget}`,
      ).toBeLessThanOrEqual(check.budget);
  });
});
