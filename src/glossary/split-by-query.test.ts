import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../text/normalize';
import { splitByQuery } from './split-by-query';

describe('splitByQuery', () => {
  it('returns the whole text as one plain segment without a query', () => {
    expect(splitByQuery('城市大脑', '')).toEqual([{ text: '城市大脑', hit: false }]);
    expect(splitByQuery('城市大脑', ' “ ')).toEqual([{ text: '城市大脑', hit: false }]);
  });

  it('returns the whole text as one plain segment when nothing matches', () => {
    expect(splitByQuery('城市大脑', '健康')).toEqual([{ text: '城市大脑', hit: false }]);
  });

  it('marks every hit', () => {
    expect(splitByQuery('未来社区与未来乡村', '未来')).toEqual([
      { text: '未来', hit: true },
      { text: '社区与', hit: false },
      { text: '未来', hit: true },
      { text: '乡村', hit: false },
    ]);
  });

  it('marks a hit that has quotes or spaces inside it in the text', () => {
    expect(splitByQuery('推进教育“一张图”建设', '教育一张图')).toEqual([
      { text: '推进', hit: false },
      { text: '教育“一张图', hit: true },
      { text: '”建设', hit: false },
    ]);
  });

  it('folds width and case', () => {
    expect(splitByQuery('未来社区CIM应用', 'ｃｉｍ')).toEqual([
      { text: '未来社区', hit: false },
      { text: 'CIM', hit: true },
      { text: '应用', hit: false },
    ]);
  });

  it('keeps the text and marks only stretches equal to the query (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('未', '来', '社', '区', '“', '”', ' ', 'A', 'a', 'Ａ') });
    fc.assert(
      fc.property(text, text, (haystack, query) => {
        const segments = splitByQuery(haystack, query);
        expect(segments.map((s) => s.text).join('')).toBe(haystack);
        const key = normalizeKey(query);
        for (const segment of segments) if (segment.hit) expect(normalizeKey(segment.text)).toBe(key);
        if (!key || !normalizeKey(haystack).includes(key)) expect(segments.some((s) => s.hit)).toBe(false);
        else expect(segments.some((s) => s.hit)).toBe(true);
      }),
    );
  });
});
