import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers of src/, lowest first (docs/architecture.md draws them). A module may import from its own layer and
// the layers below it, never from one above: the shared engine stays free of the browser annotator, the Node
// tagger free of the DOM, the elements free of the annotator that uses them. Type-only imports are erased at build
// time and do not count (the tag-name typings name the element classes).
// Each entry is a path prefix under src/; the longest prefix that matches a file places it.
const LAYERS: readonly (readonly string[])[] = [
  // the character folding both the compiler and the matcher use; the shipped data and its types
  ['text/', 'definitions/types.ts', 'definitions/definition-set.generated.ts'],
  // small leaves: events, Trusted Types, links to the glossary, labels, tag names
  ['events/', 'security/', 'links/', 'i18n/', 'elements/', 'version.ts'],
  ['match/'],
  // the compiler (it finds related entries with the matcher) and what reads a compiled set
  ['definitions/'],
  // text runs, the skip rules, the run planner, markup: shared by the DOM annotator and the Node tagger
  ['runs/'],
  ['html/', 'live/', 'config'],
  ['cli/', 'card/'],
  ['term/', 'glossary/'],
  ['annotate/'],
  ['stages/', 'auto.ts', 'define.ts', 'index.ts', 'node.ts'],
];

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src');

function listModules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listModules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The layer of a module (path from src/), by its longest matching prefix; -1 when no layer names it. */
export function findLayer(module: string): number {
  let best = -1;
  let length = -1;
  LAYERS.forEach((prefixes, layer) => {
    for (const prefix of prefixes)
      if (module.startsWith(prefix) && prefix.length > length) {
        best = layer;
        length = prefix.length;
      }
  });
  return best;
}

/** The relative value imports (and re-exports) of a module's source, as paths from src/. */
export function readValueImports(module: string, code: string): string[] {
  const found: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?'(\.[^']+)'/gm;
  for (const [, specifier] of code.matchAll(pattern)) {
    const target = posix.normalize(posix.join(posix.dirname(module), specifier!));
    found.push(target.endsWith('.json') || target.endsWith('.ts') ? target : `${target}.ts`);
  }
  // import('...') too: a lazy import is an import
  for (const [, specifier] of code.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g))
    found.push(`${posix.normalize(posix.join(posix.dirname(module), specifier!))}.ts`);
  return found;
}

describe('layers of src/', () => {
  const modules = listModules(SRC).map((path) => relative(SRC, path).split('\\').join('/'));

  it('places every module in a layer', () => {
    expect(modules.filter((module) => findLayer(module) === -1)).toEqual([]);
  });

  it('has no import that runs up a layer', () => {
    const upward: string[] = [];
    for (const module of modules) {
      const own = findLayer(module);
      for (const target of readValueImports(module, readFileSync(join(SRC, module), 'utf8'))) {
        if (target.startsWith('../')) continue; // outside src/ (the JSON Schema in data/)
        const layer = findLayer(target);
        if (layer > own) upward.push(`${module} (layer ${own}) imports ${target} (layer ${layer})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('finds an upward import when there is one (the check can fail)', () => {
    const imports = readValueImports('runs/plan.ts', "import { annotate } from '../annotate/annotate';\n");
    expect(imports).toEqual(['annotate/annotate.ts']);
    expect(findLayer(imports[0]!)).toBeGreaterThan(findLayer('runs/plan.ts'));
    // type-only imports are erased and allowed
    expect(readValueImports('elements/define.ts', "import type { DszdCard } from '../card/dszd-card';\n")).toEqual(
      [],
    );
  });

  it('keeps the Node tagger on the shared engine only (no DOM annotator, no elements)', () => {
    const allowed = ['html/', 'runs/', 'match/', 'text/', 'definitions/'];
    const stray = modules
      .filter((module) => module.startsWith('html/'))
      .flatMap((module) =>
        readValueImports(module, readFileSync(join(SRC, module), 'utf8'))
          .filter((target) => !target.startsWith('../') && !allowed.some((prefix) => target.startsWith(prefix)))
          .map((target) => `${module} → ${target}`),
      );
    expect(stray).toEqual([]);
  });
});

describe('page-wide rules of src/', () => {
  const modules = listModules(SRC).map((path) => relative(SRC, path).split('\\').join('/'));
  const holding = (pattern: RegExp) =>
    modules.filter((module) => pattern.test(readFileSync(join(SRC, module), 'utf8'))).sort();

  it('registers elements in one place only', () => {
    expect(holding(/\.define\(\s*[\w'"]/)).toEqual(['elements/define.ts']);
  });

  it('declares the tag typings in one place only', () => {
    expect(holding(/interface HTMLElementTagNameMap/)).toEqual(['elements/define.ts']);
  });
});
