import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionSet } from '../definitions/definition-set.generated';
import type { DefinitionSet } from '../definitions/types';
import { normalizeKey } from '../text/normalize';
import { searchEntries } from './search';

function serialsFor(query: string, set: DefinitionSet = definitionSet): number[] {
  return searchEntries(set, query).map((entry) => entry.serial);
}

const allSerials = Array.from({ length: 45 }, (_, i) => i + 1);

describe('searchEntries', () => {
  it('returns every entry, in serial order, for an empty or blank query', () => {
    expect(serialsFor('')).toEqual(allSerials);
    expect(serialsFor('  \u3000\n')).toEqual(allSerials);
    expect(serialsFor('“”')).toEqual(allSerials);
  });

  it('finds an entry by its term', () => {
    expect(serialsFor('浙农码')).toEqual([34]);
  });

  it('finds an entry by an alias that appears nowhere else', () => {
    expect(serialsFor('智慧养老')).toEqual([23]);
    expect(serialsFor('智慧健身场馆')).toEqual([44]);
  });

  it('finds entries by their unit', () => {
    expect(serialsFor('省体育局')).toEqual([43, 44, 45]);
    expect(serialsFor('省科协')).toEqual([42]);
  });

  it('finds entries by their definition text', () => {
    expect(serialsFor('人民美好生活向往')).toEqual([6]);
    expect(serialsFor('九大场景')).toEqual([6, 28]);
    expect(serialsFor('浙里办')).toEqual([13, 34]);
  });

  it('finds entries by their notes', () => {
    expect(serialsFor('幼有所育')).toEqual([1]);
  });

  it('ignores quote marks, white space, full width and case', () => {
    expect(serialsFor('一张图')).toEqual([10]);
    expect(serialsFor('教育一张图')).toEqual([10]);
    expect(serialsFor('教育「一张图」')).toEqual([10]);
    expect(serialsFor('"总对总" 服务')).toEqual([3]);
    expect(serialsFor('智慧 养老')).toEqual([23]);
    expect(serialsFor('ｃｉｍ')).toEqual([29]);
    expect(serialsFor('cim')).toEqual([29]);
  });

  it('returns nothing when nothing matches', () => {
    expect(serialsFor('量子引力')).toEqual([]);
  });

  it('does not match across two fields of an entry', () => {
    // 45's definition ends in 。 and its unit is 省体育局: the seam must not be searchable.
    const last = definitionSet.entries[44]!;
    const seam = last.definition[0]!.slice(-2) + last.unit.slice(0, 2);
    expect(serialsFor(seam)).toEqual([]);
  });

  it('searches a custom set', () => {
    const set: DefinitionSet = {
      title: '示例',
      version: '1',
      issuer: '示例机关',
      date: '2024-01-01',
      entries: [
        { serial: 7, term: '甲', aliases: [], definition: ['一'], notes: [], unit: '丙单位' },
        {
          serial: 9,
          term: '乙',
          aliases: ['乙乙'],
          definition: ['二'],
          notes: ['（注：三）'],
          unit: '丁单位',
        },
      ],
    };
    expect(serialsFor('单位', set)).toEqual([7, 9]);
    expect(serialsFor('三', set)).toEqual([9]);
  });

  it('agrees with a plain substring test on normalized fields (property)', () => {
    const fields = definitionSet.entries.map((entry) =>
      [entry.term, ...entry.aliases, ...entry.definition, ...entry.notes, entry.unit].map(normalizeKey),
    );
    const sample = fc
      .record({
        entry: fc.integer({ min: 0, max: 44 }),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: 8 }),
      })
      .map(({ entry, at, length }) => {
        const text = [...definitionSet.entries[entry]!.definition, definitionSet.entries[entry]!.term].join(
          '',
        );
        const start = at % text.length;
        return text.slice(start, start + length);
      });
    fc.assert(
      fc.property(fc.oneof(sample, fc.string({ maxLength: 4 })), (query) => {
        const key = normalizeKey(query);
        const expected = key
          ? fields.flatMap((list, i) => (list.some((field) => field.includes(key)) ? [i + 1] : []))
          : allSerials;
        expect(serialsFor(query)).toEqual(expected);
      }),
    );
  });

  it('is indifferent to quotes and spaces inserted into the query (property)', () => {
    const noise = fc.constantFrom(' ', '“', '”', '\u3000', '"', '\n');
    fc.assert(
      fc.property(
        fc.constantFrom(
          ...definitionSet.entries.flatMap((entry) => [entry.term, ...entry.aliases, entry.unit]),
        ),
        fc.array(fc.tuple(fc.nat(), noise), { maxLength: 4 }),
        (query, inserts) => {
          let noisy = query;
          for (const [at, mark] of inserts) {
            const i = at % (noisy.length + 1);
            noisy = noisy.slice(0, i) + mark + noisy.slice(i);
          }
          expect(serialsFor(noisy)).toEqual(serialsFor(query));
        },
      ),
    );
  });
});
