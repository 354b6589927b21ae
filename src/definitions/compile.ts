import { Ajv, type ErrorObject } from 'ajv';
import schema from '../../data/definition-set.schema.json' with { type: 'json' };
import { buildMatcher } from '../match/matcher';
import { normalizeKey } from '../text/normalize';
import { findRelatedSerials } from './related';
import type { DefinitionSet, DefinitionSetSource, SourceEntry, UnitsSource } from './types';

/** A malformed definition set: `message` names the source, the entry and the field. */
export class DefinitionSetError extends Error {
  override name = 'DefinitionSetError';
  constructor(
    /** Where the set came from (a file path, or "definition set"). */
    readonly origin: string,
    /** The entry and field, e.g. `entry 3 (“总对总”服务), field "aliases[0].text"`; empty for the whole set. */
    readonly location: string,
    readonly problem: string,
  ) {
    super(`${origin}: ${location ? `${location}: ` : ''}${problem}`);
  }
}

const validate = new Ajv({ allErrors: false, strict: true }).compile<DefinitionSetSource>(schema);

/** Parses the JSON text of a source set; a syntax error names the line and column. */
export function parseDefinitionSetJson(text: string, origin = 'definition set'): DefinitionSetSource {
  let data: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new DefinitionSetError(origin, '', `not valid JSON (${describeJsonError(error, json)})`);
  }
  return checkDefinitionSetSource(data, origin);
}

/** Validates a source set against the JSON Schema, then the rules a schema cannot say. Returns it typed. */
export function checkDefinitionSetSource(data: unknown, origin = 'definition set'): DefinitionSetSource {
  if (!validate(data)) {
    const error = validate.errors?.[0];
    if (!error) throw new DefinitionSetError(origin, '', 'invalid');
    throw schemaError(data, error, origin);
  }
  checkUniqueness(data, origin);
  return data;
}

export interface CompileOptions {
  /** The set's units table (data/units.json for the shipped set): each entry gets its unit's full name. */
  units?: UnitsSource | undefined;
}

/**
 * Compiles a source set (already parsed JSON) into the shipped form: aliases and exclusions without their reasons,
 * entries in serial order, each with the entries its text names (`related`) and, given a units table, its unit's
 * full name. Throws {@link DefinitionSetError} naming the entry and field when the set is malformed.
 */
export function compileDefinitionSet(
  data: unknown,
  origin = 'definition set',
  options: CompileOptions = {},
): DefinitionSet {
  const source = checkDefinitionSetSource(data, origin);
  const unitNames = new Map((options.units?.units ?? []).map((unit) => [unit.printed, unit.name]));
  const entries = [...source.entries]
    .sort((a, b) => a.serial - b.serial)
    .map((entry) => {
      const unitName = unitNames.get(entry.unit);
      return {
        serial: entry.serial,
        term: entry.term,
        aliases: unique((entry.aliases ?? []).map((alias) => alias.text)),
        definition: [...entry.definition],
        notes: [...(entry.notes ?? [])],
        unit: entry.unit,
        ...(unitName ? { unitName } : {}),
      };
    });
  const exclusions = unique(source.entries.flatMap((entry) => (entry.exclusions ?? []).map((x) => x.text)));
  const set: DefinitionSet = {
    title: source.title,
    version: source.version,
    issuer: source.issuer,
    date: source.date,
    entries,
    ...(exclusions.length ? { exclusions } : {}),
  };
  // A fresh matcher: the set object is not final yet, so it must not be cached for it.
  const matcher = buildMatcher(set);
  for (const entry of set.entries) entry.related = findRelatedSerials(entry, matcher);
  return set;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function entryLabel(entry: Partial<SourceEntry> | undefined, index: number): string {
  const serial =
    typeof entry?.serial === 'number' ? `entry ${entry.serial}` : `entry at position ${index + 1}`;
  return typeof entry?.term === 'string' && entry.term.trim() ? `${serial} (${entry.term})` : serial;
}

function fieldPath(segments: string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function schemaError(data: unknown, error: ErrorObject, origin: string): DefinitionSetError {
  const segments = error.instancePath.split('/').slice(1);
  let location = '';
  let field = segments;
  if (segments[0] === 'entries' && segments[1] !== undefined) {
    const index = Number(segments[1]);
    const entries = (data as { entries: Array<Partial<SourceEntry>> }).entries;
    location = entryLabel(entries[index], index);
    field = segments.slice(2);
  }
  const params = error.params as Record<string, unknown>;
  let problem: string;
  switch (error.keyword) {
    case 'required':
      field = [...field, String(params.missingProperty)];
      problem = 'missing field';
      break;
    case 'additionalProperties':
      field = [...field, String(params.additionalProperty)];
      problem = 'unknown field';
      break;
    case 'type':
      problem = `wrong type: expected ${String(params.type)}, got ${describeType(valueAt(data, error.instancePath))}`;
      break;
    case 'minLength':
    case 'pattern':
      problem =
        field.at(-1) === 'date' ? 'must be a date written YYYY-MM-DD' : 'empty field: needs non-blank text';
      break;
    case 'minItems':
      problem = `empty field: needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
      break;
    case 'minimum':
      problem = `must be ${String(params.limit)} or more`;
      break;
    default:
      problem = error.message ?? error.keyword;
  }
  const path = fieldPath(field);
  return new DefinitionSetError(
    origin,
    [location, path && `field "${path}"`].filter(Boolean).join(', '),
    problem,
  );
}

const NOTHING_TO_MATCH = 'empty field: nothing left once quote marks and white space are ignored';

function checkUniqueness(source: DefinitionSetSource, origin: string): void {
  if (!isRealDate(source.date))
    throw new DefinitionSetError(origin, 'field "date"', `no such date: ${source.date}`);
  const serials = new Map<number, number>();
  // normalized key → who owns it, so that 教育“一张图” and 教育一张图 count as one spelling
  const names = new Map<string, { serial: number; text: string }>();
  source.entries.forEach((entry, index) => {
    const label = entryLabel(entry, index);
    const where = (field: string) => `${label}, field "${field}"`;
    const previous = serials.get(entry.serial);
    if (previous !== undefined)
      throw new DefinitionSetError(
        origin,
        where('serial'),
        `duplicate serial ${entry.serial} (also entry at position ${previous + 1})`,
      );
    serials.set(entry.serial, index);

    const termKey = normalizeKey(entry.term);
    // a name the matcher sees as empty would match everywhere (and make every exclusion "contain" it)
    if (!termKey) throw new DefinitionSetError(origin, where('term'), NOTHING_TO_MATCH);
    const termOwner = names.get(termKey);
    if (termOwner)
      throw new DefinitionSetError(
        origin,
        where('term'),
        `duplicate term: same as “${termOwner.text}” of entry ${termOwner.serial}`,
      );
    names.set(termKey, { serial: entry.serial, text: entry.term });
  });
  source.entries.forEach((entry, index) => {
    const label = entryLabel(entry, index);
    (entry.aliases ?? []).forEach((alias, i) => {
      const key = normalizeKey(alias.text);
      if (!key)
        throw new DefinitionSetError(origin, `${label}, field "aliases[${i}].text"`, NOTHING_TO_MATCH);
      const owner = names.get(key);
      if (owner && owner.serial !== entry.serial)
        throw new DefinitionSetError(
          origin,
          `${label}, field "aliases[${i}].text"`,
          `alias “${alias.text}” collides with “${owner.text}” of entry ${owner.serial}`,
        );
      if (!owner) names.set(key, { serial: entry.serial, text: alias.text });
    });
  });
  source.entries.forEach((entry, index) => {
    const label = entryLabel(entry, index);
    const own = [entry.term, ...(entry.aliases ?? []).map((a) => a.text)].map(normalizeKey);
    (entry.exclusions ?? []).forEach((exclusion, i) => {
      const key = normalizeKey(exclusion.text);
      const where = `${label}, field "exclusions[${i}].text"`;
      const owner = names.get(key);
      if (owner)
        throw new DefinitionSetError(
          origin,
          where,
          `exclusion “${exclusion.text}” is itself a name of entry ${owner.serial}`,
        );
      if (!own.some((name) => key.length > name.length && key.includes(name)))
        throw new DefinitionSetError(
          origin,
          where,
          `exclusion “${exclusion.text}” does not contain this entry's term or an alias`,
        );
    });
  });
}

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of pointer.split('/').slice(1)) value = (value as Record<string, unknown>)[segment];
  return value;
}

function describeType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  // V8 names no position for "Unexpected token 'x', "…" is not valid JSON" (and quotes raw source, line breaks
  // included, which would break the CLI's one-line error) nor for "Unexpected end of JSON input".
  const offset = position ? Number(position[1]) : findJsonErrorOffset(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const reason = message.replace(/(?: in JSON)? at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".*$/s, '');
  return `${reason} at line ${line}, column ${column}`;
}

/** The offset of the first character JSON.parse rejects: the shortest prefix that fails before its own end. */
function findJsonErrorOffset(text: string): number {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      const position = /position (\d+)/.exec(message);
      return position ? Number(position[1]) < length : !/end of JSON input/.test(message);
    }
  };
  let low = 1;
  let high = text.length;
  if (!failsInside(high)) return text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsInside(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}
