import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCitation } from './citation';
import { definitionSet } from './definition-set.generated';
import { findRelatedEntries, segmentRelated } from './related';
import type { DefinitionSet } from './types';

const entry = (serial: number) => definitionSet.entries.find((e) => e.serial === serial)!;

describe('findRelatedEntries', () => {
  it('gives the entries of the compiled related list', () => {
    expect(findRelatedEntries(entry(23), definitionSet).map((e) => e.term)).toEqual([
      '城市大脑',
      '未来社区',
      '未来乡村',
    ]);
  });

  it('finds them itself for a hand-made set without related lists', () => {
    const set: DefinitionSet = {
      ...definitionSet,
      entries: definitionSet.entries.map(({ related: _related, ...rest }) => rest),
    };
    expect(findRelatedEntries(set.entries[24]!, set).map((e) => e.term)).toEqual([
      '救助大脑',
      '未来社区',
      '未来乡村',
    ]);
  });
});

describe('segmentRelated', () => {
  it('cuts 智慧救助 where 救助大脑, 未来社区 and 未来乡村 are first named', () => {
    const { definition } = segmentRelated(entry(25), definitionSet);
    const linked = definition.flat().filter((segment) => segment.entry);
    expect(linked.map((segment) => [segment.text, segment.entry!.serial])).toEqual([
      ['救助大脑', 24],
      ['未来社区', 6],
      ['未来乡村', 7],
    ]);
    expect(definition[0]![0]).toEqual({ text: '智慧救助是以' });
  });

  it('joins back to the paragraphs exactly, for every entry, linking each related entry once', () => {
    for (const e of definitionSet.entries) {
      const { definition, notes } = segmentRelated(e, definitionSet);
      expect(definition.map((segments) => segments.map((s) => s.text).join(''))).toEqual(e.definition);
      expect(notes.map((segments) => segments.map((s) => s.text).join(''))).toEqual(e.notes);
      const linked = [...definition, ...notes].flat().flatMap((s) => (s.entry ? [s.entry.serial] : []));
      expect(linked).toEqual(e.related);
    }
  });

  it('keeps any text intact (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('城市大脑', '未来社区', '數字鄉村', '智慧救助'), fc.string()), {
          maxLength: 12,
        }),
        (pieces) => {
          const text = pieces.join('');
          const probe = { ...entry(25), definition: [text], notes: [] };
          const { definition } = segmentRelated(probe, definitionSet);
          expect(definition[0]!.map((s) => s.text).join('')).toBe(text);
        },
      ),
    );
  });
});

describe('formatCitation', () => {
  it('gives term, paragraphs, notes, the unit in full and the source from the set', () => {
    expect(formatCitation(entry(6), definitionSet)).toBe(
      [
        '未来社区',
        entry(6).definition[0],
        '（注：包括未来邻里、教育、健康、创业、建筑、交通、低碳、服务、治理等九大场景。）',
        '解释单位：浙江省发展和改革委员会',
        '来源：《数字社会定义集（6.0版）》，浙江省发展和改革委员会，2022-04-12',
      ].join('\n'),
    );
  });

  it("takes a custom set's metadata, and the printed unit when there is no full name", () => {
    const custom = { title: '示例定义集', version: '1.0', issuer: '示例市数据局', date: '2024-03-01' };
    const { unitName: _unitName, ...plain } = entry(4);
    expect(formatCitation(plain, custom).split('\n').slice(-2)).toEqual([
      '解释单位：省大数据局',
      '来源：《示例定义集（1.0版）》，示例市数据局，2024-03-01',
    ]);
  });
});
