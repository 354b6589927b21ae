import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rollup, type UserConfig } from 'vite';
import { definitionSet } from './src/definitions/definition-set.generated.ts';
import type { DefinitionEntry } from './src/definitions/types.ts';
import { entryTextsFile, entryTextsKey, SET_TEXTS_FILE, SET_TEXTS_KEY } from './src/stages/texts-files.ts';
import { toDefinitionsJson } from './src/definitions/serialize.ts';
import { encodeCjk } from './src/text/cjk-ascii.ts';
import { traditionalFolds } from './src/text/traditional-folds.generated.ts';
import { LIT_POLICY_IMPORT, litTrustedTypes } from './scripts/lit-trusted-types.ts';
import { privateMangling, readPrivateNames, readSources } from './scripts/mangle-private.ts';
import { minifyCss } from './scripts/minify-css.ts';
import { minifyLitTemplates } from './scripts/minify-lit-templates.ts';
import { termStyles } from './src/term/dszd-term.styles.ts';
import { VERSION } from './src/version.ts';

/** Emits dist/definitions.json, the compiled set for tools that do not run JavaScript modules. */
function definitionsJson(): Plugin {
  return {
    name: 'dszd-definitions-json',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'definitions.json',
        source: toDefinitionsJson(definitionSet),
      });
    },
  };
}

// Library mode makes the entry an absolute path; the plugin answers for that path, a file that does not exist.
const SCRIPT_ENTRY = 'dszd-script-entry';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** A module's key in the stage registry: its path without `src/` and `.ts` (`config/terms-config`), or its package name. */
const registryKey = (name: string) => name.replace(/^src\/(.+)\.ts$/, '$1');

/**
 * The first stage hands its exports to later stages as one array, not an object per module: no module or export
 * names in the first stage (0.4 KB gzip). The slots are the exports in `provides` order; the registry key names
 * the layout (a hash of it), so a later stage built from other sources finds nothing (one clear error) instead of
 * reading the wrong slot.
 */
function firstStageSlots(provides: Record<string, readonly string[]>): {
  key: string;
  slots: Array<[module: string, exported: string]>;
} {
  const slots = Object.entries(provides).flatMap(([name, exports]) =>
    exports
      .filter((exported) => readLiteralExport(name, exported) === undefined)
      .map((exported): [string, string] => [name, exported]),
  );
  const hash = createHash('sha256').update(JSON.stringify(slots)).digest('base64url').slice(0, 8);
  return { key: `first:${hash}`, slots };
}

/**
 * A script's entry that only imports `module` and hands `provides` to later stages: a classic script built from a
 * module with exports would assign them to a global variable, and the drop-in script must add nothing to the page
 * but `window.dszdTerm`.
 */
function scriptEntry(module: string, provides: Record<string, readonly string[]> = {}): Plugin {
  const lines = [`import ${JSON.stringify(here(module))};`];
  const { key, slots } = firstStageSlots(provides);
  if (slots.length) {
    lines.push(`import { provideModules } from ${JSON.stringify(here('./src/stages/stage-registry.ts'))};`);
    // only the exports later stages use: a namespace import would keep every export and add a getter for each
    slots.forEach(([name, exported], i) =>
      lines.push(`import { ${exported} as m${i} } from ${JSON.stringify(here(`./${name}`))};`),
    );
    lines.push(`provideModules({ ${JSON.stringify(key)}: [${slots.map((_, i) => `m${i}`).join(', ')}] });`);
  }
  return {
    name: 'dszd-script-entry',
    enforce: 'pre',
    resolveId: (id) => (id.endsWith(SCRIPT_ENTRY) ? `\0${SCRIPT_ENTRY}` : null),
    load: (id) => (id === `\0${SCRIPT_ENTRY}` ? lines.join('\n') : null),
  };
}

/** Replaces source modules by others (by path from the project root) or by generated code. */
function replaceModules(replacements: Record<string, string | { code: string }>): Plugin {
  const byPath = new Map(Object.entries(replacements).map(([path, by]) => [here(`./${path}`), by]));
  return {
    name: 'dszd-replace-modules',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || source.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      const by = resolved && byPath.get(resolved.id);
      if (by === undefined) return null;
      return typeof by === 'string' ? here(`./${by}`) : `\0dszd-replaced:${resolved!.id}`;
    },
    load(id) {
      if (!id.startsWith('\0dszd-replaced:')) return null;
      const by = byPath.get(id.slice('\0dszd-replaced:'.length));
      return typeof by === 'object' ? by.code : null;
    },
  };
}

/**
 * The literal of `export const name = <number or string literal>;` in a source module, else undefined: a later stage
 * writes such a constant itself (as the minifier would inline it), which is shorter than a slot in both stages.
 */
function readLiteralExport(path: string, name: string): string | undefined {
  if (!path.startsWith('src/')) return undefined;
  const code = readFileSync(here(`./${path}`), 'utf8');
  const literal = new RegExp(`^export const ${name} = (\\d+|'[^'\\\\\\n]*');$`, 'm').exec(code);
  return literal?.[1];
}

/** The value exports of one of our source modules (the stage registry carries values; types are erased). */
function readValueExports(path: string): string[] {
  const code = readFileSync(here(`./${path}`), 'utf8');
  const names = [...code.matchAll(/^export (?:async )?(?:function\*?|const|let|class) ([\w$]+)/gm)].map(
    (m) => m[1]!,
  );
  for (const [, list] of code.matchAll(/^export \{([^}]*)\}(?! from)/gm))
    for (const item of list!.split(','))
      if (item.trim() && !item.trim().startsWith('type '))
        names.push(
          item
            .trim()
            .split(/\s+as\s+/)
            .pop()!,
        );
  if (!names.length) throw new Error(`vite.config: ${path} exports no value a later stage could import`);
  return names;
}

/**
 * Imports of modules an earlier stage provides read them from the stage registry instead of bundling them again.
 * `sources` lists the exports each first-stage module hands on (importing any other is a build error); `others`
 * (card stage modules and packages) likewise, a source module listed without exports handing on all of its own.
 */
async function fromEarlierStages(
  sources: Record<string, readonly string[]>,
  others: Readonly<Record<string, readonly string[] | undefined>> = {},
): Promise<Plugin> {
  const registry = JSON.stringify(here('./src/stages/stage-registry.ts'));
  const replacements: Record<string, { code: string }> = {};
  const packages = new Map<string, string[]>();
  const provided = [...Object.keys(sources), ...Object.keys(others)];
  const { key, slots } = firstStageSlots(sources);
  for (const name of provided) {
    const first = sources[name];
    const exports = first ?? others[name] ?? readValueExports(name);
    const code = [
      `import { getProvidedModule } from ${registry};`,
      `const m = getProvidedModule(${JSON.stringify(first ? key : registryKey(name))});`,
      ...exports.map((exported) => {
        const literal = first && readLiteralExport(name, exported);
        if (literal) return `export const ${exported} = ${literal};`;
        return `export const ${exported} = m${first ? `[${slots.findIndex(([n, e]) => n === name && e === exported)}]` : `.${exported}`};`;
      }),
    ].join('\n');
    if (name.startsWith('src/')) replacements[name] = { code };
    else packages.set(name, [code]);
  }
  const modules = replaceModules(replacements);
  return {
    ...modules,
    async resolveId(source, importer, options) {
      if (packages.has(source)) return `\0dszd-package:${source}`;
      return (modules.resolveId as (this: unknown, ...args: unknown[]) => unknown).call(
        this,
        source,
        importer,
        options,
      ) as never;
    },
    load(id) {
      if (id.startsWith('\0dszd-package:')) return packages.get(id.slice('\0dszd-package:'.length))![0];
      return (modules.load as (id: string) => string | null)(id);
    },
  };
}

/**
 * The first stage's Chinese data spelt in ASCII (src/text/cjk-ascii.ts): an expression that gives `text` back as the
 * stage loads (0.3 KB gzip less with the names and the folds). Modules using it import DECODE_CJK_IMPORT.
 */
const spelt = (text: string) => `decodeCjk(${JSON.stringify(encodeCjk(text))})`;
const DECODE_CJK_IMPORT = `import { decodeCjk } from ${JSON.stringify(here('./src/text/cjk-ascii.ts'))};`;

/**
 * The first stage's set: every field the matcher reads, no definitions texts (the card stage brings them in place).
 * The names as one string, an entry a line, its term then its aliases: smaller than 45 arrays, parsed faster.
 */
function namesOnlySet(): { code: string } {
  const { entries, ...meta } = definitionSet;
  const names = entries.map((entry) => [entry.term, ...entry.aliases]);
  if (names.flat().some((name) => /[\n|]/.test(name)))
    throw new Error(
      'vite.config: a name holds a line break or "|", which the names-only set separates names with',
    );
  const keys = ['serial', 'term', 'aliases', 'definition', 'notes', 'unit', 'unitName', 'related'];
  const unknown = entries.flatMap((entry) => Object.keys(entry)).find((key) => !keys.includes(key));
  if (unknown) throw new Error(`vite.config: the names-only set does not carry the entries' "${unknown}"`);
  // the shipped set numbers its entries 1, 2, 3…: then no list of serials
  const consecutive = entries.every((entry, i) => entry.serial === i + 1);
  const literal = (value: unknown): string => {
    if (typeof value === 'string')
      return /[\u4e00-\u9fff]/.test(value) ? spelt(value) : JSON.stringify(value);
    // a list of texts as one, split where it loads
    if (
      Array.isArray(value) &&
      value.length > 1 &&
      value.every((item) => typeof item === 'string' && !item.includes('\n'))
    )
      return `${literal(value.join('\n'))}.split('\\n')`;
    if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
    if (value && typeof value === 'object')
      return `{ ${Object.entries(value)
        .map(([key, item]) => `${JSON.stringify(key)}: ${literal(item)}`)
        .join(', ')} }`;
    return JSON.stringify(value);
  };
  return {
    code: [
      DECODE_CJK_IMPORT,
      `const serials = ${consecutive ? 'null' : JSON.stringify(entries.map((entry) => entry.serial))};`,
      `export const definitionSet = { ...${literal(meta)}, entries: ${spelt(names.map((list) => list.join('|')).join('\n'))}.split('\\n').map((line, i) => {`,
      `  const [term, ...aliases] = line.split('|');`,
      `  return { serial: ${consecutive ? 'i + 1' : 'serials[i]'}, term, aliases, definition: [], notes: [], unit: '' };`,
      `}) };`,
    ].join('\n'),
  };
}

/** The traditional folds spelt in ASCII, as the names (src/text/cjk-ascii.ts). */
function speltTraditionalFolds(): { code: string } {
  return {
    code: [DECODE_CJK_IMPORT, `export const traditionalFolds = ${spelt(traditionalFolds)};`].join('\n'),
  };
}

/** The term's styles are a plain string (no Lit in the first stage), which minifyLitTemplates does not see. */
function minifiedTermStyles(): { code: string } {
  const [minified] = minifyCss([termStyles]) ?? [termStyles];
  return { code: `export const termStyles = ${JSON.stringify(minified)};` };
}

/**
 * The texts the names-only set lacks, for the card stage (src/stages/fetch-entry-texts.ts reads them), in classic
 * scripts beside the drop-in script that put rows (no keys) in the stages' registry, each row its entry's term first
 * to check the file against the set: all entries in `dszd-term.texts.js` (as a JSON string: `JSON.parse` reads it
 * faster than an engine parses the same literal), and each in `dszd-term.entry-<serial>.js`. Non-ASCII as escapes,
 * like the stages: a page in GBK reads a script served without a charset in its own encoding.
 */
function entryTextsFiles(): Plugin {
  const ascii = (code: string) =>
    code.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const rowOf = ({ term, definition, notes, unit, unitName, related }: DefinitionEntry) => [
    term,
    definition,
    notes,
    unit,
    unitName ?? 0,
    related ?? 0,
  ];
  const file = (fileName: string, comment: string, key: string, value: string) => ({
    type: 'asset' as const,
    fileName,
    source: ascii(
      `/*! dszd-term ${VERSION}: ${comment} */\n` +
        `(function(k){(globalThis[k]||(globalThis[k]={}))[${JSON.stringify(key)}]=${value}})(Symbol.for("dszd-term.stages"));\n`,
    ),
  });
  return {
    name: 'dszd-entry-texts-files',
    apply: 'build',
    generateBundle() {
      const rows = Object.fromEntries(definitionSet.entries.map((entry) => [entry.serial, rowOf(entry)]));
      this.emitFile(
        file(
          SET_TEXTS_FILE,
          "the texts of the set's entries",
          SET_TEXTS_KEY,
          `JSON.parse(${JSON.stringify(JSON.stringify(rows))})`,
        ),
      );
      for (const entry of definitionSet.entries)
        this.emitFile(
          file(
            entryTextsFile(entry.serial),
            `the texts of entry ${entry.serial}`,
            entryTextsKey(entry.serial),
            JSON.stringify(rowOf(entry)),
          ),
        );
    },
  };
}

/** What stands for `document.currentScript` in the first stage until evaluateInOwnTask names it. */
const OWN_SCRIPT = '__dszdOwnScript__';

/**
 * The first stage's evaluation in a task of its own: a deferred script runs in the task of the page's end of parsing,
 * often with its first layout, and evaluating the stage (its modules, the names decoded) is tens of ms on a phone.
 * The tag's own function only keeps `document.currentScript` (null once it returned: the data-* options, the `src`
 * the later stages are found beside, the nonce) and evaluates the stage with a timer, so copies on a page start in
 * the order they were loaded. With `data-auto="false"` the page drives the library itself and may use it right after
 * the tag: then at once. The stage's code keeps its lines and columns (the source map gets one line more), so the
 * `(function(){…})` it was (not called) is the wrapper's second line.
 */
function evaluateInOwnTask(): Plugin {
  return {
    name: 'dszd-evaluate-in-own-task',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const match = /^(\/\*![^\n]*\*\/\n)(\(function\(\)\{[^]*\}\))\(\);?\n?$/.exec(chunk.code);
        if (!match) throw new Error(`${chunk.fileName}: not the one function the classic build writes`);
        const [, banner, stage] = match;
        // a name the stage's code has nowhere (not even as a property or in a string) cannot be shadowed in it
        const free = (name: string) => !new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(stage!);
        const letters = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
        const name = [...letters, ...letters.flatMap((a) => letters.map((b) => a + b))].find(free);
        if (!name || !stage!.includes(OWN_SCRIPT))
          throw new Error(`${chunk.fileName}: no own script to keep`);
        chunk.code =
          `${banner}(function(){var ${name}=document.currentScript,f=\n` +
          `${stage!.replaceAll(OWN_SCRIPT, name)};${name}?.dataset.auto=="false"?f():setTimeout(f)})();\n`;
        if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
      }
    },
  };
}

/** What the card stage swaps: the entries' texts come from their files. */
const CARD_STAGE_REPLACEMENTS = { 'src/card/entry-texts.ts': 'src/stages/fetch-entry-texts.ts' };

/** What the first stage swaps for lighter modules; the later stages read the swapped ones too (they share one set). */
const FIRST_STAGE_REPLACEMENTS = {
  'src/definitions/definition-set.generated.ts': namesOnlySet(),
  'src/text/traditional-folds.generated.ts': speltTraditionalFolds(),
  'src/card/fetch-card-host.ts': 'src/stages/fetch-card-stage.ts',
  'src/annotate/highlight/highlight-session.ts': 'src/stages/deferred-highlight-session.ts',
  'src/config/load-set-reader.ts': 'src/stages/fetch-sets-stage.ts',
  'src/annotate/wrap/load-live.ts': 'src/stages/fetch-live-stage.ts',
  'src/term/dszd-term.styles.ts': minifiedTermStyles(),
  'src/term/card-parts.ts': 'src/stages/deferred-card-parts.ts',
  'src/live/keep-selection.ts': 'src/stages/deferred-keep-selection.ts',
  'src/annotate/wrap/parts.ts': 'src/stages/deferred-parts.ts',
};

/** The source modules (by path from the project root) of an in-memory build of one classic script, unshared. */
async function readStageModules(module: string, plugins: Plugin[]): Promise<Set<string>> {
  const { build } = await import('vite');
  const config = classicScript(module, 'graph.js', [], [scriptEntry(module), ...plugins]);
  const output = (await build({
    ...config,
    configFile: false,
    logLevel: 'silent',
    build: { ...config.build, write: false, minify: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const root = here('./');
  const modules = new Set<string>();
  for (const chunk of (Array.isArray(output) ? output : [output]).flatMap((o) => o.output)) {
    if (chunk.type !== 'chunk') continue;
    for (const id of Object.keys(chunk.modules)) {
      const path = id.replace(/^\0dszd-replaced:/, '');
      // the registry is how the stages meet: each bundles its own few lines of it
      if (path.startsWith(`${root}src/`) && !path.endsWith('src/stages/stage-registry.ts'))
        modules.add(path.slice(root.length));
    }
  }
  return modules;
}

/**
 * The value names `modules` import from each of our source modules, by path (`import * as` takes all of them).
 * The bundler's own record of used exports misses constants it inlined, so this reads the import statements.
 */
function readImportedNames(modules: readonly string[]): Map<string, Set<string>> {
  const imported = new Map<string, Set<string>>();
  const pattern = /^(?:import|export)\s+(?!type\b)(\*\s+as\s+\w+|\{[^}]*\})\s+from\s+'(\.[^']+)'/gm;
  for (const module of modules) {
    const code = readFileSync(here(`./${module}`), 'utf8');
    for (const [, names, specifier] of code.matchAll(pattern)) {
      const target = posix.join(posix.dirname(module), `${specifier!.replace(/\.ts$/, '')}.ts`);
      const set = imported.get(target) ?? new Set<string>();
      imported.set(target, set);
      if (names!.startsWith('*')) for (const name of readValueExports(target)) set.add(name);
      else
        for (const item of names!.slice(1, -1).split(','))
          if (item.trim() && !item.trim().startsWith('type ')) set.add(item.trim().split(/\s+as\s+/)[0]!);
    }
  }
  return imported;
}

/**
 * The first stage's modules, read from its own module graph, and of them those a later stage imports (which the
 * first stage hands on: see src/stages/stage-registry.ts). Later stages read every first-stage module from the
 * registry, so none is ever bundled twice, whatever modules are added.
 */
async function readFirstStageSharing(): Promise<{
  /** every first-stage module: the exports a later stage uses (none for most) */
  provides: Record<string, string[]>;
}> {
  const first = await readStageModules('./src/auto.ts', [replaceModules(FIRST_STAGE_REPLACEMENTS)]);
  // later stages as they are built: the set is the first stage's; the modules it swaps for stand-ins stay real
  const { 'src/definitions/definition-set.generated.ts': namesOnly } = FIRST_STAGE_REPLACEMENTS;
  const later = await Promise.all([
    readStageModules('./src/stages/card-stage.ts', [
      replaceModules({
        'src/definitions/definition-set.generated.ts': namesOnly,
        ...CARD_STAGE_REPLACEMENTS,
      }),
    ]),
    readStageModules('./src/stages/highlight-stage.ts', [
      replaceModules({ 'src/definitions/definition-set.generated.ts': namesOnly }),
    ]),
    readStageModules('./src/stages/sets-stage.ts', [
      replaceModules({ 'src/definitions/definition-set.generated.ts': namesOnly }),
    ]),
    readStageModules('./src/stages/live-stage.ts', [
      replaceModules({ 'src/definitions/definition-set.generated.ts': namesOnly }),
    ]),
  ]);
  const imported = readImportedNames(later.flatMap((stage) => [...stage].filter((name) => !first.has(name))));
  // lit-html, in the card stage, imports dszd-term's Trusted Types policy through scripts/lit-trusted-types.ts
  const policy = imported.get(LIT_POLICY_IMPORT.module) ?? new Set<string>();
  imported.set(LIT_POLICY_IMPORT.module, policy.add(LIT_POLICY_IMPORT.name));
  const provides: Record<string, string[]> = {};
  for (const name of [...first].sort()) provides[name] = [...(imported.get(name) ?? [])].sort();
  return { provides };
}

/**
 * What the card stage hands to the highlight stage (src/stages/card-stage.ts provides the same): card-host whole, and
 * of lit what `<dszd-term-index>` uses, so that the page runs one lit. Importing another lit export in the highlight
 * stage fails its build until it is added here and there.
 */
const CARD_STAGE_PROVIDES = {
  'src/card/card-host.ts': undefined,
  lit: ['LitElement', 'css', 'html'],
};

/**
 * The syntax baseline of every browser file: Chrome/Edge 80, Safari/iOS 14, Firefox 78 (ES2020). Class static blocks,
 * private methods and `??=` are lowered; the package test parses the output with acorn to prove it.
 */
export const BROWSER_TARGET = ['chrome80', 'edge80', 'safari14', 'firefox78'];

/**
 * What the syntax is lowered for: BROWSER_TARGET, except that `?.` stays. The compat tables list optional chaining
 * from Chrome/Edge 91 because of one V8 bug in 80–90 (crbug.com/42201552): an optional call with a spread argument
 * before another argument (`a?.b(...c, d)`) throws. Lowering every `?.` for that cost 0.45 KB gzip in the first stage;
 * the package test proves no browser file has such a call. Safari 14 and Firefox 78 keep everything else lowered as
 * before (the first stage's output differs only in its `?.`).
 */
const LOWERING_TARGET = BROWSER_TARGET.map((target) => target.replace(/^(chrome|edge)80$/, '$191'));

// The minifier drops the bundled packages' license comments; their licenses ask for the notices to travel along.
const LIT_NOTICE = 'lit (BSD-3-Clause, Copyright (c) 2017 Google LLC)';
const FLOATING_UI_NOTICE = 'Floating UI (MIT, Copyright (c) 2021-present Floating UI contributors)';
const notice = (bundled: string[]) =>
  `/*! dszd-term ${VERSION} (MIT).${bundled.length ? ` Bundles ${bundled.join(' and ')}.` : ''} */`;

/**
 * terser for the classic scripts: more passes than the default minifier, ES2020 output (the syntax is lowered to the
 * target before), and our classes' private members (`private _name`) renamed with one mapping for every stage.
 */
function terserOptions(fileName: string): NonNullable<UserConfig['build']>['terserOptions'] {
  const { regex, nameCache } = privateMangling(readPrivateNames(readSources(here('./src'))));
  return {
    ecma: 2020,
    // Vite turns on Safari 10's workarounds; the browsers supported are Safari 14 and newer
    safari10: false,
    // the script stays the plain `(function(){…})();` (not `!function(){…}()`) that the package test reads
    // Function declarations hoisted to the top of their scope gzip smaller in the first stage (54 B) and larger in
    // the card stage (114 B): only there.
    // keep_fargs: our functions' unused trailing parameters go (first stage 18 B); no code of ours reads a function's
    // `length`. The scripts that bundle lit and Floating UI keep them: their code is not ours to vouch for.
    compress: {
      passes: 3,
      negate_iife: false,
      hoist_funs: fileName === 'dszd-term.iife.js',
      keep_fargs: ['dszd-term.card.js', 'dszd-glossary.iife.js'].includes(fileName),
    },
    // Non-ASCII characters as \u escapes, in every script: many servers send scripts without a charset, and a page in
    // GBK then decodes them as GBK (UTF-8 Chinese there is a SyntaxError: test/browser/iife/charset.test.ts). gzip
    // codes a rare UTF-8 byte in about 9 bits, an escape's hex digits in 4–5: the first stage 47 B less, highlight
    // 70 B, the card stage 0.1 KB less since its texts went to the entry files; the glossary script, full of Chinese
    // texts, 0.4 KB more.
    format: { ascii_only: true },
    mangle: { properties: { regex } },
    nameCache,
  };
}

/**
 * A classic script that runs `module` when it loads (`plugins` decide what it shares with other stages; `defines`
 * replaces more expressions).
 */
function classicScript(
  module: string,
  fileName: string,
  bundled: string[],
  plugins: Plugin[] = [scriptEntry(module)],
  defines: Record<string, string> = {},
): UserConfig {
  return {
    plugins: [...plugins, minifyLitTemplates(), litTrustedTypes()],
    // A classic script has no import.meta: src/auto.ts then finds its tag through document.currentScript.
    // The drop-in's stages carry the sparse automaton only (see HAS_DENSE in src/match/automaton.ts).
    define: { 'import.meta.url': 'undefined', __DSZD_DENSE_AUTOMATON__: 'false', ...defines },
    // lit's production build even when NODE_ENV says otherwise (vitest sets "test"; its dev build is 4 KB more)
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: LOWERING_TARGET,
      minify: 'terser',
      terserOptions: terserOptions(fileName),
      lib: { entry: SCRIPT_ENTRY, formats: ['iife'], name: 'dszdTermScript', fileName: () => fileName },
      rolldownOptions: { output: { postBanner: notice(bundled) } },
    },
  };
}

/** Browser ES modules for bundlers: lit and Floating UI stay imports, resolved by the page's bundler. */
const browser: UserConfig = {
  plugins: [definitionsJson(), minifyLitTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: LOWERING_TARGET,
    lib: {
      entry: { 'dszd-term': 'src/index.ts', define: 'src/define.ts', auto: 'src/auto.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: ['lit', /^lit\//, /^@lit\//, '@floating-ui/dom'],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

/** The DOM-free Node entry and the command line: dependencies stay imports (SSR build externalizes them). */
const node: UserConfig = {
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    ssr: true,
    target: 'node20',
    rolldownOptions: {
      input: { node: 'src/node.ts', cli: 'src/cli/main.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

const modes: Record<string, () => UserConfig | Promise<UserConfig>> = {
  // The drop-in script's first stage: the names, the matcher, the annotator and <dszd-term>; no Lit.
  iife: async () =>
    classicScript(
      './src/auto.ts',
      'dszd-term.iife.js',
      [],
      [
        scriptEntry(
          './src/auto.ts',
          Object.fromEntries(
            Object.entries((await readFirstStageSharing()).provides).filter(([, exports]) => exports.length),
          ),
        ),
        replaceModules(FIRST_STAGE_REPLACEMENTS),
        evaluateInOwnTask(),
      ],
      { 'document.currentScript': OWN_SCRIPT },
    ),
  // The card stage: <dszd-card> (lit) and Floating UI; and a file of texts per entry.
  'iife-card': async () =>
    classicScript(
      './src/stages/card-stage.ts',
      'dszd-term.card.js',
      [LIT_NOTICE, FLOATING_UI_NOTICE],
      [
        scriptEntry('./src/stages/card-stage.ts'),
        replaceModules(CARD_STAGE_REPLACEMENTS),
        entryTextsFiles(),
        await fromEarlierStages((await readFirstStageSharing()).provides),
      ],
    ),
  // Highlight mode, loaded after the card stage only for data-mode="highlight".
  'iife-highlight': async () =>
    classicScript(
      './src/stages/highlight-stage.ts',
      'dszd-term.highlight.js',
      [],
      [
        scriptEntry('./src/stages/highlight-stage.ts'),
        await fromEarlierStages((await readFirstStageSharing()).provides, CARD_STAGE_PROVIDES),
      ],
    ),
  // Wrap mode's live part (healing, the page's changes, editable content), loaded right after the first pass.
  'iife-live': async () =>
    classicScript(
      './src/stages/live-stage.ts',
      'dszd-term.live.js',
      [],
      [
        scriptEntry('./src/stages/live-stage.ts'),
        await fromEarlierStages((await readFirstStageSharing()).provides),
      ],
    ),
  // A page's own definition sets (fetching and checking them), loaded only for data-set or configureTerms({ sets }).
  'iife-sets': async () =>
    classicScript(
      './src/stages/sets-stage.ts',
      'dszd-term.sets.js',
      [],
      [
        scriptEntry('./src/stages/sets-stage.ts'),
        await fromEarlierStages((await readFirstStageSharing()).provides),
      ],
    ),
  // <dszd-glossary> for a glossary page, beside the drop-in script or alone.
  'iife-glossary': () =>
    classicScript('./src/glossary/define-glossary.ts', 'dszd-glossary.iife.js', [LIT_NOTICE]),
  node: () => node,
};

// `vite build` (browser ES), then one `--mode` per classic script and `--mode node`: `npm run build` runs all.
export default defineConfig(({ mode }) => (modes[mode] ?? (() => browser))());
