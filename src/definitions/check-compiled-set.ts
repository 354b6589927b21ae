import { findNameProblem, isRealDate } from './set-rules';
import type { DefinitionEntry, DefinitionSet } from './types';

/** A compiled set that cannot be used: `path` is where (`entries[3].definition[0]`, empty for the whole value). */
export class CompiledSetError extends Error {
  override name = 'CompiledSetError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
  }
}

type Fields = Record<string, unknown>;

/**
 * Checks a value that should be a compiled definition set (the shape of `dist/definitions.json`, as a page fetches
 * or passes one) and returns a fresh copy of it, so later changes to the value cannot reach the terms. Throws
 * {@link CompiledSetError} naming the first problem and its path. `aliases`, `notes` and `related` may be left out
 * (they become empty or are found by the card), unknown fields are ignored, and the names follow the compiler's
 * rules (see set-rules.ts).
 */
export function checkCompiledSet(value: unknown): DefinitionSet {
  const set = readObject(value, '');
  const title = readText(set.title, 'title');
  const version = readText(set.version, 'version');
  const issuer = readText(set.issuer, 'issuer');
  const date = readText(set.date, 'date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date))
    throw new CompiledSetError('date', `expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const entries = readArray(set.entries, 'entries', true).map((item, i) => readEntry(item, `entries[${i}]`));
  const clash = findNameProblem(entries);
  if (clash) throw new CompiledSetError(`entries[${clash.index}].${clash.field}`, clash.problem);
  const exclusions =
    set.exclusions === undefined ? undefined : readStrings(set.exclusions, 'exclusions', false);
  return {
    title,
    version,
    issuer,
    date,
    entries,
    ...(exclusions?.length ? { exclusions } : {}),
  };
}

function readEntry(value: unknown, path: string): DefinitionEntry {
  const entry = readObject(value, path);
  const { serial } = entry;
  if (typeof serial !== 'number' || !Number.isInteger(serial) || serial < 1)
    throw new CompiledSetError(`${path}.serial`, `expected a whole number from 1, got ${describe(serial)}`);
  const unitName = entry.unitName === undefined ? undefined : readText(entry.unitName, `${path}.unitName`);
  let related: number[] | undefined;
  if (entry.related !== undefined)
    related = readArray(entry.related, `${path}.related`, false).map((item, i) => {
      if (typeof item !== 'number' || !Number.isInteger(item))
        throw new CompiledSetError(
          `${path}.related[${i}]`,
          `expected a serial number, got ${describe(item)}`,
        );
      return item;
    });
  return {
    serial,
    term: readText(entry.term, `${path}.term`),
    aliases: entry.aliases === undefined ? [] : readStrings(entry.aliases, `${path}.aliases`, false),
    definition: readStrings(entry.definition, `${path}.definition`, true),
    notes: entry.notes === undefined ? [] : readStrings(entry.notes, `${path}.notes`, false),
    unit: readText(entry.unit, `${path}.unit`),
    ...(unitName === undefined ? {} : { unitName }),
    ...(related === undefined ? {} : { related }),
  };
}

function readObject(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CompiledSetError(path, `expected an object, got ${describe(value)}`);
  return value as Fields;
}

function readArray(value: unknown, path: string, nonEmpty: boolean): unknown[] {
  if (value === undefined) throw new CompiledSetError(path, 'missing');
  if (!Array.isArray(value)) throw new CompiledSetError(path, `expected an array, got ${describe(value)}`);
  if (nonEmpty && !value.length) throw new CompiledSetError(path, 'expected at least one item, got none');
  // holes (`[, "a"]` from code) read as undefined, so each is named rather than skipped
  return Array.from(value);
}

function readStrings(value: unknown, path: string, nonEmpty: boolean): string[] {
  return readArray(value, path, nonEmpty).map((item, i) => readText(item, `${path}[${i}]`));
}

/** A string with something in it besides white space. */
function readText(value: unknown, path: string): string {
  if (value === undefined) throw new CompiledSetError(path, 'missing');
  if (typeof value !== 'string')
    throw new CompiledSetError(path, `expected a string, got ${describe(value)}`);
  if (!value.trim()) throw new CompiledSetError(path, 'expected text, got an empty string');
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
