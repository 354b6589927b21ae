import { describe, expect, it } from 'vitest';
import { getLabels, parseCardLang } from './labels';

describe('card labels', () => {
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
});
