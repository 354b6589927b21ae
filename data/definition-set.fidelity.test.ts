// Proves that data/definition-set.json and the compiled module say exactly what the official notice says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionSet } from '../src/definitions/definition-set.generated';
import type { DefinitionSetSource } from '../src/definitions/types';
import {
  parseNotice,
  readNotice,
  splitParagraphs,
  stripSpace,
  type NoticeRow,
} from '../test/node/official-notice';

const notice = readNotice();
const source = JSON.parse(
  readFileSync(new URL('./definition-set.json', import.meta.url), 'utf8'),
) as DefinitionSetSource;

const NOTE = /^（注：[\s\S]*）$/;

function rowFor(serial: number): NoticeRow {
  const row = notice.rows.find((r) => r.serial === serial);
  if (!row) throw new Error(`the notice has no entry ${serial}`);
  return row;
}

describe('the notice parser', () => {
  it('joins a row split by a page break into the paragraph it cuts', () => {
    const text = [
      '数字社会定义集（6.0版）',
      '序号\t名词名称\t定义\t解释单位',
      '1\t甲\t<p>前半段的重</p>\t省某厅',
      '',
      '序号\t名词名称\t定义\t解释单位',
      '\t\t点在后半段。\t',
      '2\t“乙”服务\t<p>乙的定义。</p> <p>（注：乙的注。）</p>\t省某委',
      '浙江省某机关',
      '某某关于印发某某的通知',
      '2022年4月2日',
    ].join('\n');

    const parsed = parseNotice(text);

    expect(parsed.rows).toEqual([
      { serial: 1, term: '甲', paragraphs: ['前半段的重点在后半段。'], unit: '省某厅' },
      { serial: 2, term: '“乙”服务', paragraphs: ['乙的定义。', '（注：乙的注。）'], unit: '省某委' },
    ]);
    expect(parsed.date).toBe('2022-04-02');
  });

  it('rejects markup other than <p>', () => {
    expect(() => splitParagraphs('<p>甲<b>乙</b></p>')).toThrow(/markup other than <p>/);
  });

  it('rejects a row that is not four cells', () => {
    expect(() => parseNotice('序号\t名词名称\t定义\t解释单位\n1\t甲\t定义')).toThrow(
      /expected 4 tab-separated cells/,
    );
  });
});

describe('the official notice', () => {
  it('has 45 entries numbered 1 to 45 in order', () => {
    expect(notice.rows.map((r) => r.serial)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });
});

describe.each([
  ['data/definition-set.json', source],
  ['src/definitions/definition-set.generated.ts', definitionSet],
] as const)('%s', (_name, set) => {
  it('has the metadata of the notice', () => {
    expect(set.title).toBe('数字社会定义集');
    expect(set.version).toBe('6.0');
    expect(set.issuer).toBe('浙江省发展和改革委员会');
    expect(set.date).toBe('2022-04-12');
    expect([set.title, set.version, set.issuer, set.date]).toEqual([
      notice.title,
      notice.version,
      notice.issuer,
      notice.date,
    ]);
  });

  it('has 45 entries, serials 1 to 45 in order', () => {
    expect(set.entries.map((e) => e.serial)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });

  describe.each(Array.from({ length: 45 }, (_, i) => i + 1))('entry %i', (serial) => {
    const entry = set.entries.find((e) => e.serial === serial);
    const row = rowFor(serial);

    it('has the printed serial, term and unit', () => {
      expect(entry).toBeDefined();
      expect({ serial: entry?.serial, term: entry?.term, unit: entry?.unit }).toEqual({
        serial: row.serial,
        term: row.term,
        unit: row.unit,
      });
    });

    it('has the printed text, character for character (markup and white space aside)', () => {
      const printed = stripSpace(row.paragraphs.join(''));
      const shipped = stripSpace([...(entry?.definition ?? []), ...(entry?.notes ?? [])].join(''));
      expect(shipped).toBe(printed);
    });

    it('keeps the printed paragraphs, with exactly the （注：…） paragraphs as notes', () => {
      expect(entry?.definition).toEqual(row.paragraphs.filter((p) => !NOTE.test(p)));
      expect(entry?.notes ?? []).toEqual(row.paragraphs.filter((p) => NOTE.test(p)));
      for (const note of entry?.notes ?? []) expect(note).toMatch(NOTE);
      for (const paragraph of entry?.definition ?? []) expect(paragraph).not.toMatch(/^（注：/);
    });

    it('carries no markup', () => {
      for (const text of [...(entry?.definition ?? []), ...(entry?.notes ?? [])])
        expect(text).not.toMatch(/<[^>]*>/);
    });
  });
});

describe('data/definition-set.json metadata', () => {
  it('records the notice title exactly as printed', () => {
    expect(source.noticeTitle).toBe(notice.noticeTitle);
    expect(source.noticeTitle).toBe('省发展改革委关于印发数字社会 定义集（6.0版）的通知');
  });
});
