import { Ajv, type ErrorObject } from 'ajv';
import schema from '../../data/definition-set.schema.json' with { type: 'json' };
import { buildMatcher } from '../match/matcher';
import { normalizeKey } from '../text/normalize';
import { describeJsonError } from './describe-json-error';
import { findNameProblem, isRealDate } from './set-rules';
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
        field[field.length - 1] === 'date'
          ? 'must be a date written YYYY-MM-DD'
          : 'empty field: needs non-blank text';
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

function checkUniqueness(source: DefinitionSetSource, origin: string): void {
  if (!isRealDate(source.date))
    throw new DefinitionSetError(origin, 'field "date"', `no such date: ${source.date}`);
  const names = source.entries.map((entry) => ({
    serial: entry.serial,
    term: entry.term,
    aliases: (entry.aliases ?? []).map((alias) => alias.text),
  }));
  const clash = findNameProblem(names);
  if (clash) {
    // a source alias is an object: its text is the field
    const field = clash.field.startsWith('aliases[') ? `${clash.field}.text` : clash.field;
    throw new DefinitionSetError(
      origin,
      `${entryLabel(source.entries[clash.index], clash.index)}, field "${field}"`,
      clash.problem,
    );
  }
  const owners = new Map<string, number>();
  for (const entry of names)
    for (const name of [entry.term, ...entry.aliases]) {
      const key = normalizeKey(name);
      if (!owners.has(key)) owners.set(key, entry.serial);
    }
  source.entries.forEach((entry, index) => {
    const label = entryLabel(entry, index);
    const own = [entry.term, ...(entry.aliases ?? []).map((a) => a.text)].map(normalizeKey);
    (entry.exclusions ?? []).forEach((exclusion, i) => {
      const key = normalizeKey(exclusion.text);
      const where = `${label}, field "exclusions[${i}].text"`;
      const owner = owners.get(key);
      if (owner !== undefined)
        throw new DefinitionSetError(
          origin,
          where,
          `exclusion “${exclusion.text}” is itself a name of entry ${owner}`,
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

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of pointer.split('/').slice(1)) value = (value as Record<string, unknown>)[segment];
  return value;
}

function describeType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
