/* eslint-disable @typescript-eslint/no-explicit-any -- the tests change arbitrary places of a JSON value */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCompiledSet, CompiledSetError } from './check-compiled-set';
import { definitionSet } from './definition-set.generated';
import { toDefinitionsJson } from './serialize';

/** A small valid compiled set, fresh each time. */
function validSet(): Record<string, unknown> {
  return {
    title: '示例定义集',
    version: '1.0',
    issuer: '示例单位',
    date: '2025-02-28',
    entries: [
      {
        serial: 1,
        term: '一网通办',
        aliases: ['一网通办服务'],
        definition: ['第一段。'],
        notes: [],
        unit: '示例单位',
        related: [],
      },
      {
        serial: 2,
        term: '免证办',
        aliases: [],
        definition: ['第二段。'],
        notes: ['（注）'],
        unit: '示例单位',
      },
    ],
  };
}

function problemOf(value: unknown): string | undefined {
  try {
    checkCompiledSet(value);
    return undefined;
  } catch (error) {
    if (!(error instanceof CompiledSetError)) throw error;
    return error.message;
  }
}

/** `validSet()` with one change made by `change`. */
function changed(change: (set: any) => void): unknown {
  const set = validSet();
  change(set);
  return set;
}

describe('checkCompiledSet', () => {
  it('accepts dist/definitions.json as written, and returns a copy', () => {
    const json = JSON.parse(toDefinitionsJson(definitionSet)) as unknown;
    const checked = checkCompiledSet(json);
    expect(checked).toEqual(json);
    expect(checked).not.toBe(json);
    expect(checked.entries[0]).not.toBe((json as typeof definitionSet).entries[0]);
  });

  it('fills in what a hand-made set may leave out (aliases, notes) and keeps exclusions', () => {
    const set = checkCompiledSet(
      changed((s) => {
        delete s.entries[0].aliases;
        delete s.entries[1].notes;
        s.exclusions = ['一网通办服务站'];
        s.$schema = 'ignored.json';
      }),
    );
    expect(set.entries[0]!.aliases).toEqual([]);
    expect(set.entries[1]!.notes).toEqual([]);
    expect(set.exclusions).toEqual(['一网通办服务站']);
    expect(set).not.toHaveProperty('$schema');
  });

  const CASES: ReadonlyArray<[what: string, value: unknown, message: string]> = [
    ['not an object', [], 'expected an object, got an array'],
    ['null', null, 'expected an object, got null'],
    ['a missing title', changed((s) => delete s.title), 'title: missing'],
    ['a blank issuer', changed((s) => (s.issuer = '  ')), 'issuer: expected text, got an empty string'],
    [
      'a date in another form',
      changed((s) => (s.date = '2025/02/28')),
      'date: expected a date written YYYY-MM-DD, got "2025/02/28"',
    ],
    [
      'a date that does not exist',
      changed((s) => (s.date = '2025-02-30')),
      'date: expected a date written YYYY-MM-DD, got "2025-02-30"',
    ],
    ['no entries', changed((s) => delete s.entries), 'entries: missing'],
    [
      'an empty entries list',
      changed((s) => (s.entries = [])),
      'entries: expected at least one item, got none',
    ],
    [
      'an entry that is a string',
      changed((s) => (s.entries[1] = '免证办')),
      'entries[1]: expected an object, got "免证办"',
    ],
    [
      'a serial 0',
      changed((s) => (s.entries[0].serial = 0)),
      'entries[0].serial: expected a whole number from 1, got 0',
    ],
    [
      'a serial as text',
      changed((s) => (s.entries[0].serial = '1')),
      'entries[0].serial: expected a whole number from 1, got "1"',
    ],
    ['a missing term', changed((s) => delete s.entries[1].term), 'entries[1].term: missing'],
    [
      'a definition that is a string',
      changed((s) => (s.entries[1].definition = '第二段。')),
      'entries[1].definition: expected an array, got "第二段。"',
    ],
    [
      'a definition paragraph that is a number',
      changed((s) => (s.entries[0].definition = [5])),
      'entries[0].definition[0]: expected a string, got 5',
    ],
    [
      'no definition paragraph',
      changed((s) => (s.entries[0].definition = [])),
      'entries[0].definition: expected at least one item, got none',
    ],
    ['a missing unit', changed((s) => delete s.entries[1].unit), 'entries[1].unit: missing'],
    [
      'a note that is null',
      changed((s) => (s.entries[1].notes = [null])),
      'entries[1].notes[0]: expected a string, got null',
    ],
    [
      'a related serial as text',
      changed((s) => (s.entries[0].related = ['2'])),
      'entries[0].related[0]: expected a serial number, got "2"',
    ],
    [
      'a duplicate serial',
      changed((s) => (s.entries[1].serial = 1)),
      'entries[1].serial: duplicate serial 1 (also entry at position 1)',
    ],
    [
      'a duplicate term (another spelling)',
      changed((s) => (s.entries[1].term = '“一网通办”')),
      'entries[1].term: duplicate term: same as “一网通办” of entry 1',
    ],
    [
      'an alias naming another entry',
      changed((s) => (s.entries[1].aliases = ['一网 通办'])),
      'entries[1].aliases[0]: alias “一网 通办” collides with “一网通办” of entry 1',
    ],
    [
      'a term of quote marks only',
      changed((s) => (s.entries[1].term = '“”')),
      'entries[1].term: empty field: nothing left once quote marks and white space are ignored',
    ],
    [
      'an exclusion that is a number',
      changed((s) => (s.exclusions = [3])),
      'exclusions[0]: expected a string, got 3',
    ],
  ];
  for (const [what, value, message] of CASES)
    it(`refuses ${what}: ${message}`, () => {
      expect(problemOf(value)).toBe(message);
    });

  // Any one change to a valid set is either still a valid set or refused with its path: never thrown otherwise,
  // never a message without a place.
  it('property: a mutated valid set is accepted or refused with a message naming a path in it', () => {
    const anyValue = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -2, max: 5 }),
      fc.string({ maxLength: 4 }),
      fc.constantFrom('一网通办', '免证办', '“”', ' ', '2025-02-28'),
      fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 2 }),
      fc.constant({}),
    );
    /** Every place in the set: [] is the set itself. */
    const placesOf = (value: unknown, at: (string | number)[] = []): (string | number)[][] => {
      if (typeof value !== 'object' || value === null) return [at];
      const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
      return [
        at,
        ...keys.flatMap((key) => placesOf((value as Record<string | number, unknown>)[key], [...at, key])),
      ];
    };
    const places = placesOf(validSet()).filter((place) => place.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...places), anyValue, fc.boolean(), (place, value, remove) => {
        const set = validSet();
        let parent: any = set;
        for (const key of place.slice(0, -1)) parent = parent[key];
        const last = place.at(-1)!;
        if (remove) delete parent[last];
        else parent[last] = value;
        let checked;
        try {
          checked = checkCompiledSet(set);
        } catch (error) {
          expect(error).toBeInstanceOf(CompiledSetError);
          const { path, problem, message } = error as CompiledSetError;
          expect(message).toBe(`${path}: ${problem}`);
          // the path leads through the mutated set to a place that is there or a field that is missing
          const keys = path.split(/\.|\[|\]\.?/).filter(Boolean);
          let at: any = set;
          for (const key of keys.slice(0, -1)) {
            expect(at, `${path} goes through a value`).toBeTypeOf('object');
            at = at[key];
          }
          expect(at, `${path} ends in an object or array`).toBeTypeOf('object');
          return;
        }
        // accepted: a set the matcher can take, with every entry's names and texts
        expect(checkCompiledSet(checked)).toEqual(checked);
        for (const entry of checked.entries) expect(entry.definition.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});
