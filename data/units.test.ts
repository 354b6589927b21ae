// data/units.json: one record per unit the notice's 解释单位 column prints, each name with a source that can be checked.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readNotice } from '../test/node/official-notice';
import { definitionSet } from '../src/definitions/definition-set.generated';
import type { UnitsSource } from '../src/definitions/types';
import schema from './units.schema.json' with { type: 'json' };

const notice = readNotice();
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
const units = readJson('./units.json') as UnitsSource;
const { errata } = readJson('./errata.json') as { errata: Array<{ id: string; printed: string[] }> };
const printedUnits = [...new Set(notice.rows.map((row) => row.unit))];

describe('data/units.json', () => {
  it('follows its schema', () => {
    const validate = new Ajv({ strict: true }).compile(schema);
    expect(validate(units), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has exactly one record for every unit the table prints, and none the table does not print', () => {
    expect(printedUnits.length).toBeGreaterThan(10);
    for (const printed of printedUnits)
      expect(
        units.units.filter((unit) => unit.printed === printed),
        printed,
      ).toHaveLength(1);
    expect(units.units.map((unit) => unit.printed).sort()).toEqual([...printedUnits].sort());
  });

  it('gives full names that start with the province and are not the abbreviation', () => {
    for (const unit of units.units) {
      expect(unit.name.startsWith('浙江省'), unit.name).toBe(true);
      expect(unit.name).not.toBe(unit.printed);
    }
  });

  it('quotes the notice verbatim where the notice is the source, and the quote gives the name', () => {
    const fromNotice = units.units.filter((unit) => unit.source.kind === 'notice');
    expect(fromNotice.map((unit) => unit.printed)).toContain('省发展改革委');
    for (const unit of fromNotice) {
      const { quote } = unit.source as { quote: string };
      expect(notice.text.includes(quote), quote).toBe(true);
      expect(quote).toContain(unit.name);
    }
  });

  it('says how every other name was checked, with an address only for a site', () => {
    for (const unit of units.units) {
      if (unit.source.kind === 'site') expect(unit.source.url).toMatch(/^https?:\/\/[a-z0-9.]+\.gov\.cn\//);
      if (unit.source.kind !== 'notice') expect(unit.source.note.trim()).not.toBe('');
    }
  });

  it("links 省人社保厅 to the erratum that records the notice's other spelling 省人社厅", () => {
    const record = units.units.find((unit) => unit.printed === '省人社保厅')!;
    expect(record.errata).toContain('E2');
    const erratum = errata.find((e) => e.id === 'E2')!;
    expect(erratum.printed).toEqual(expect.arrayContaining(['省人社厅', '省人社保厅']));
    expect(notice.text).toContain('省人社厅、');
  });

  it('names the unit of every shipped entry in full', () => {
    const byPrinted = new Map(units.units.map((unit) => [unit.printed, unit.name]));
    for (const entry of definitionSet.entries)
      expect(entry.unitName, entry.term).toBe(byPrinted.get(entry.unit));
  });

  it('links only errata that exist', () => {
    const ids = new Set(errata.map((e) => e.id));
    for (const unit of units.units) for (const id of unit.errata ?? []) expect(ids.has(id), id).toBe(true);
  });
});
