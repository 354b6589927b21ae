// Reads and checks a units table (data/units.json) for build:data.
import { Ajv } from 'ajv';
import schema from '../data/units.schema.json' with { type: 'json' };
import { DefinitionSetError } from '../src/definitions/compile';
import type { UnitsSource } from '../src/definitions/types';

const validate = new Ajv({ allErrors: false, strict: true }).compile<UnitsSource>(schema);

/** Parses and validates the JSON text of a units table; a problem names the file and the record. */
export function parseUnitsJson(text: string, origin: string): UnitsSource {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DefinitionSetError(
      origin,
      '',
      `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!validate(data)) {
    const error = validate.errors?.[0];
    throw new DefinitionSetError(origin, error?.instancePath ?? '', error?.message ?? 'invalid');
  }
  const seen = new Set<string>();
  for (const unit of data.units) {
    if (seen.has(unit.printed)) throw new DefinitionSetError(origin, `unit ${unit.printed}`, 'listed twice');
    seen.add(unit.printed);
  }
  return data;
}
