// Every package the scripts import is declared in package.json: `npm ci` on a fresh machine must bring it.
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const declared = new Set([
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.devDependencies ?? {}),
]);

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or null for a relative or built-in one. */
function readPackageName(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? null : name;
}

describe('scripts/', () => {
  it('imports only declared packages', () => {
    const undeclared: string[] = [];
    for (const file of readdirSync(join(root, 'scripts')).filter((name) => /\.(?:ts|mjs|js)$/.test(name))) {
      const text = readFileSync(join(root, 'scripts', file), 'utf8');
      // TypeScript's own scanner: imports in comments and string literals (test fixtures) do not count.
      for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
        const name = readPackageName(fileName);
        if (name !== null && !declared.has(name)) undeclared.push(`${file}: ${name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});
