/**
 * Reads the sets a page names (`configureTerms({ sets })`, the script tag's `data-set`): each a compiled set object
 * or the URL of one, fetched and checked. Loaded only when a page names sets (the drop-in script's
 * `dszd-term.sets.js`; a chunk of its own in the ES build), so pages with the shipped set alone never download it.
 */
import { checkCompiledSet, CompiledSetError } from '../definitions/check-compiled-set';
import { describeJsonError } from '../definitions/describe-json-error';
import type { DefinitionSet } from '../definitions/types';
import { combineSets } from './combine-sets';

/** What `configureTerms({ sets, shipped })` changes, once read; a key is absent when its option was not given or bad. */
export interface PageSets {
  sets?: DefinitionSet[];
  shipped?: boolean;
}

/**
 * Checks the `sets` and `shipped` options of `configureTerms` and reads the sets; a bad option or set is reported
 * (each once) and left out.
 */
export async function readPageSets(
  options: { sets?: unknown; shipped?: unknown },
  base: string,
  report: (problem: Error) => void,
): Promise<PageSets> {
  const update: PageSets = {};
  const { sets, shipped } = options;
  if (shipped !== undefined) {
    if (typeof shipped === 'boolean') update.shipped = shipped;
    else report(new TypeError(`option "shipped" must be true or false, got ${String(shipped)}`));
  }
  if (sets !== undefined) {
    if (Array.isArray(sets)) update.sets = await readSets(sets, base, report);
    else report(new TypeError(`option "sets" must be an array of compiled sets or URLs, got ${typeof sets}`));
  }
  return update;
}

/**
 * The page's set: its own sets, then `base` (the shipped set or the `set` option) unless `shipped` is false,
 * combined. `base` alone when there are no sets, even with `shipped: false`: a page never ends up with no set.
 */
export function resolvePageSet(
  config: { readonly sets?: readonly DefinitionSet[]; readonly shipped?: boolean },
  base: DefinitionSet,
): DefinitionSet {
  const { sets = [], shipped = true } = config;
  if (!sets.length) return base;
  // Settings that change something else (the card stage's configureTerms(), a language) keep the same combination:
  // elements holding it (highlight mode's list) stay on the page's set, and the matcher is not built again.
  const parts = shipped ? [...sets, base] : sets;
  const known = combinations.get(base);
  if (known && known.parts.length === parts.length && known.parts.every((part, i) => part === parts[i]))
    return known.set;
  const set = combineSets(parts, base);
  combinations.set(base, { parts, set });
  return set;
}

/** The last combination made with each shipped set (one per copy of dszd-term on the page). */
const combinations = new WeakMap<DefinitionSet, { parts: readonly DefinitionSet[]; set: DefinitionSet }>();

/**
 * Reads every item of `list` (a compiled set, or a URL string or `URL` resolved against `base`) at once and returns
 * the usable sets in the order given. A set that cannot be fetched or is malformed is left out and reported once
 * (`sets[1].entries[3].definition[0]: expected a string, got 5 (https://…/b.json)`); the others are still read.
 * Never rejects.
 */
export async function readSets(
  list: readonly unknown[],
  base: string,
  report: (problem: Error) => void,
): Promise<DefinitionSet[]> {
  const read = await Promise.all(
    list.map((item, i) =>
      readOne(item, base).then(
        (set) => ({ set }),
        (error: unknown) => ({ error: describeProblem(error, i) }),
      ),
    ),
  );
  const sets: DefinitionSet[] = [];
  for (const result of read) {
    if ('set' in result) sets.push(result.set);
    else report(result.error);
  }
  return sets;
}

/** A problem with where it is: the set by its place in the list, the field by its path, and the address read. */
class SetProblem extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly url?: string,
  ) {
    super(`${path ? `${path}: ` : ''}${problem}${url ? ` (${url})` : ''}`);
  }
}

async function readOne(item: unknown, base: string): Promise<DefinitionSet> {
  if (typeof item !== 'string' && !(item instanceof URL)) return checkSet(item);
  let url: string;
  try {
    url = new URL(String(item), base).href;
  } catch {
    throw new SetProblem('', `not a URL: ${JSON.stringify(String(item))}`);
  }
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    // offline, refused by CORS or by the page's Content-Security-Policy (connect-src)
    throw new SetProblem(
      '',
      `could not fetch: ${error instanceof Error ? error.message : String(error)}`,
      url,
    );
  }
  if (!response.ok) throw new SetProblem('', `could not fetch: HTTP ${response.status}`, url);
  const type = response.headers.get('content-type') ?? '';
  // An HTML error page served with status 200 (a fallback route) is the usual way a wrong path shows up.
  if (!/\bjson\b/i.test(type))
    throw new SetProblem(
      '',
      `expected JSON (application/json), got ${JSON.stringify(type || 'no content type')}`,
      url,
    );
  let data: unknown;
  const text = (await response.text()).replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SetProblem('', `not valid JSON (${describeJsonError(error, text)})`, url);
  }
  try {
    return checkSet(data);
  } catch (error) {
    if (error instanceof SetProblem) throw new SetProblem(error.path, error.problem, url);
    throw error;
  }
}

function checkSet(value: unknown): DefinitionSet {
  try {
    return checkCompiledSet(value);
  } catch (error) {
    if (error instanceof CompiledSetError) throw new SetProblem(error.path, error.problem);
    throw error;
  }
}

/** The error as reported: its path starts at the set's place in the list (`sets[1].entries[3].term`). */
function describeProblem(error: unknown, index: number): Error {
  const where = `sets[${index}]`;
  if (error instanceof SetProblem) {
    const path = error.path ? `${where}${error.path.startsWith('[') ? '' : '.'}${error.path}` : where;
    return new TypeError(new SetProblem(path, error.problem, error.url).message);
  }
  return new TypeError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
}
