/**
 * Makes the emitted declarations (dist/types) resolvable by every consumer: tsc keeps our extensionless relative
 * imports, which `moduleResolution: node16/nodenext` cannot follow in a `"type": "module"` package, and names
 * `lit-html`, which is lit's dependency, not ours (pnpm would not find it). Run after `tsc -p tsconfig.build.json`.
 *
 * Usage: tsx scripts/fix-declarations.ts [folder]   (default dist/types)
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Packages we do not depend on that declarations may name, and the dependency that re-exports them. */
const REEXPORTED_BY: Record<string, string> = {
  'lit-html': 'lit',
  'lit-element': 'lit',
  '@lit/reactive-element': 'lit',
};

// `from '…'`, `import '…'`, `import('…')` and `declare module '…'` in declaration text.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bdeclare\s+module\s+)(['"])([^'"\n]+)\2/g;

/**
 * The declaration text with each module specifier rewritten: a relative one gets the `.js` of the declaration it
 * names (`./x` → `./x.js` or `./x/index.js`), a bare one naming a package we do not depend on gets the dependency
 * that re-exports it. Returns the specifiers it could not make resolvable.
 */
export function rewriteSpecifiers(
  text: string,
  declarationExists: (relativePath: string) => boolean,
  dependencies: ReadonlySet<string>,
): { text: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const rewritten = text.replace(SPECIFIER, (whole, lead: string, quote: string, specifier: string) => {
    const next = rewriteSpecifier(specifier, declarationExists, dependencies);
    if (next === undefined) {
      unresolved.push(specifier);
      return whole;
    }
    return `${lead}${quote}${next}${quote}`;
  });
  return { text: rewritten, unresolved };
}

function rewriteSpecifier(
  specifier: string,
  declarationExists: (relativePath: string) => boolean,
  dependencies: ReadonlySet<string>,
): string | undefined {
  if (specifier.startsWith('.')) {
    if (/\.(?:js|json)$/.test(specifier)) return specifier;
    if (declarationExists(`${specifier}.d.ts`)) return `${specifier}.js`;
    if (declarationExists(`${specifier}/index.d.ts`)) return `${specifier}/index.js`;
    return undefined;
  }
  if (specifier.startsWith('node:')) return specifier;
  const name = packageName(specifier);
  if (dependencies.has(name)) return specifier;
  const host = REEXPORTED_BY[name];
  return host && specifier === name && dependencies.has(host) ? host : undefined;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function listDeclarations(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return listDeclarations(path);
    return name.endsWith('.d.ts') ? [path] : [];
  });
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const folder = resolve(root, process.argv[2] ?? 'dist/types');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const dependencies = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  const problems: string[] = [];
  for (const file of listDeclarations(folder)) {
    const text = readFileSync(file, 'utf8');
    const exists = (path: string) => existsSync(join(dirname(file), path));
    const result = rewriteSpecifiers(text, exists, dependencies);
    for (const specifier of result.unresolved) problems.push(`${file}: cannot resolve "${specifier}"`);
    if (result.text !== text) writeFileSync(file, result.text);
  }
  if (problems.length) {
    console.error(`fix-declarations:\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
