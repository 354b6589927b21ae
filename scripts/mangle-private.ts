/**
 * Short names for our classes' TypeScript-private members (`private _name`), the same in every drop-in stage. The
 * stages share objects (a stage-1 class used by the card stage), so a member must get one name everywhere: the
 * mapping comes from the whole source tree, never from one stage's bundle, and terser takes it as its name cache.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DECLARATION =
  /\b(?:private|protected)\s+(?:static\s+)?(?:readonly\s+)?(?:async\s+)?(?:[gs]et\s+)?(_[A-Za-z]\w*)/g;
/**
 * A class member named `_…` without `private`: internal to a class and its counterpart in another stage (a wrap
 * session and its live part, the occurrence index and its moves), renamed like the private ones.
 */
const INTERNAL_MEMBER = /^ {2}(?:readonly\s+|async\s+|[gs]et\s+)*(_[A-Za-z]\w*)[!?]?(?=\s*[:=(])/gm;

/** The private member names declared in `sources`, most used first (then by name: the order is deterministic). */
export function readPrivateNames(sources: readonly string[]): string[] {
  const declared = new Set<string>();
  for (const source of sources)
    for (const pattern of [DECLARATION, INTERNAL_MEMBER])
      for (const [, name] of source.matchAll(pattern)) declared.add(name!);
  const uses = new Map<string, number>();
  for (const source of sources)
    for (const [, name] of source.matchAll(/\.(_[A-Za-z]\w*)\b/g))
      if (declared.has(name!)) uses.set(name!, (uses.get(name!) ?? 0) + 1);
  return [...declared].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || (a < b ? -1 : 1));
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The i-th short name: `$a` … `$Z`, then `$aa` …. No DOM, lit or Floating UI property starts with `$` and a letter,
 * so a short name never meets a property it was not given for.
 */
export function shortName(i: number): string {
  let name = '';
  do {
    name = LETTERS[i % LETTERS.length]! + name;
    i = Math.floor(i / LETTERS.length) - 1;
  } while (i >= 0);
  return `$${name}`;
}

/** terser's mangle-properties options and name cache for `names` (a fresh cache: terser writes to it). */
export function privateMangling(names: readonly string[]): {
  regex: RegExp;
  nameCache: { props: { props: Record<string, string> } };
} {
  return {
    regex: new RegExp(`^(?:${names.join('|')})$`),
    nameCache: { props: { props: Object.fromEntries(names.map((name, i) => [`$${name}`, shortName(i)])) } },
  };
}

/** Every TypeScript source under `dir` but tests. */
export function readSources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}
