import { describe, expect, it } from 'vitest';
import { getLabels, parseCardLang } from './labels';

describe('labels', () => {
  it('reads zh and en tags, and nothing else', () => {
    expect(parseCardLang('en')).toBe('en');
    expect(parseCardLang('EN-gb')).toBe('en');
    expect(parseCardLang('zh')).toBe('zh-CN');
    expect(parseCardLang('zh-Hans-CN')).toBe('zh-CN');
    expect(parseCardLang('zh_TW')).toBe('zh-CN');
    expect(parseCardLang('fr')).toBeUndefined();
    expect(parseCardLang('')).toBeUndefined();
    expect(parseCardLang(null)).toBeUndefined();
  });

  it('has the same labels in both languages', () => {
    expect(Object.keys(getLabels('en')).sort()).toEqual(Object.keys(getLabels('zh-CN')).sort());
    expect(getLabels('zh-CN')).toMatchObject({
      definition: '定义',
      notes: '注',
      unit: '解释单位',
      source: '来源',
      glossaryLink: '在术语表中查看',
      close: '关闭',
    });
    expect(getLabels('en')).toMatchObject({
      definition: 'Definition',
      notes: 'Notes',
      unit: 'Responsible unit',
      source: 'Source',
      glossaryLink: 'View in glossary',
      close: 'Close',
    });
  });

  it('serves the card, the glossary and the term index from one table, shared words once', () => {
    const zh = getLabels('zh-CN');
    expect([zh.search, zh.aliases, zh.noMatches, zh.count(3)]).toEqual([
      '搜索术语',
      '别名',
      '无匹配',
      '3 条',
    ]);
    expect([zh.indexToggle(2), zh.indexRegion]).toEqual(['术语解释（2）', '本页术语解释']);
    expect(getLabels('en').count(1)).toBe('1 entry');
    expect(getLabels('en').count(2)).toBe('2 entries');
    expect(getLabels('en').indexToggle(4)).toBe('Term definitions (4)');
    for (const lang of ['zh-CN', 'en'] as const) expect(getLabels(lang).lang).toBe(lang);
  });
});
