import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldCode,
  IGNORABLE_CODES,
  isIgnorable,
  isQuote,
  isSpace,
  normalizeKey,
  normalizeWithOffsets,
  QUOTE_PAIRS,
} from './normalize';

describe('normalizeKey', () => {
  it('drops every quote mark the issue names, wherever it stands', () => {
    expect(normalizeKey('“教”育‘一’张「图」『』〝〞"\'＂＇')).toBe('教育一张图');
  });

  it('drops white space: spaces, line breaks, NBSP, ideographic space, zero-width characters', () => {
    expect(normalizeKey(' 数\t字\r\n社\u00a0会\u3000建\u200b设\u200c发\u200d展\u2060\ufeff')).toBe(
      '数字社会建设发展',
    );
  });

  it('folds full-width ASCII to half-width and Latin letters to lower case', () => {
    expect(normalizeKey('ＣＩＭ')).toBe('cim');
    expect(normalizeKey('ＷｉＦｉ６＋５')).toBe('wifi6+5');
    expect(normalizeKey('养老大脑＋智慧养老')).toBe('养老大脑+智慧养老');
    expect(normalizeKey('ABCxyz')).toBe('abcxyz');
  });

  it('gives every spelling of a term the same key', () => {
    const keys = ['教育“一张图”', '教育一张图', '教育「一张图」', ' 教育 一张图 ', '教育\n“一张图”'].map(
      normalizeKey,
    );
    expect(new Set(keys)).toEqual(new Set(['教育一张图']));
  });

  it('keeps CJK punctuation outside the full-width ASCII block and astral characters as they are', () => {
    expect(normalizeKey('。、《》【】')).toBe('。、《》【】');
    expect(normalizeKey('，（）：；')).toBe(',():;');
    expect(normalizeKey('𠀀 😀')).toBe('𠀀😀');
  });

  it('returns an empty key for empty text and for text of ignorables only', () => {
    expect(normalizeKey('')).toBe('');
    expect(normalizeKey(' “”\u3000\u200b')).toBe('');
  });
});

describe('foldCode', () => {
  it.each([
    ['Ａ', 'a'],
    ['ｚ', 'z'],
    ['Z', 'z'],
    ['＋', '+'],
    ['０', '0'],
    ['～', '~'],
    ['a', 'a'],
    ['数', '数'],
  ])('folds %s to %s', (from, to) => {
    expect(String.fromCharCode(foldCode(from.charCodeAt(0)))).toBe(to);
  });

  it('leaves code units outside full-width ASCII and A–Z unchanged', () => {
    for (const code of [0x40, 0x5b, 0xff00, 0xff5f, 0x3000, 0xd840, 0xdc00])
      expect(foldCode(code)).toBe(code);
  });
});

describe('ignorable characters', () => {
  it('pairs each opening quote with its closing quote (straight quotes with themselves)', () => {
    expect(QUOTE_PAIRS).toContainEqual(['“', '”']);
    expect(QUOTE_PAIRS).toContainEqual(['「', '」']);
    expect(QUOTE_PAIRS).toContainEqual(['『', '』']);
    expect(QUOTE_PAIRS).toContainEqual(['〝', '〞']);
    expect(QUOTE_PAIRS).toContainEqual(['"', '"']);
    expect(QUOTE_PAIRS).toContainEqual(['＂', '＂']);
  });

  it('tells quotes from white space, and both are ignorable', () => {
    expect(isQuote('“'.charCodeAt(0))).toBe(true);
    expect(isQuote(' '.charCodeAt(0))).toBe(false);
    expect(isSpace('\u3000'.charCodeAt(0))).toBe(true);
    expect(isSpace('“'.charCodeAt(0))).toBe(false);
    for (const char of '“”‘’"\'「」『』〝〞＂＇ \n\u00a0\u3000\u200b')
      expect(isIgnorable(char.charCodeAt(0))).toBe(true);
    for (const char of '数A，。（') expect(isIgnorable(char.charCodeAt(0))).toBe(false);
  });

  it('lists no character that folding would change: folding never turns a kept character into a dropped one', () => {
    for (const code of IGNORABLE_CODES) expect(isIgnorable(foldCode(code))).toBe(true);
    for (let code = 0xff01; code <= 0xff5e; code++)
      expect(isIgnorable(code)).toBe(isIgnorable(foldCode(code)));
  });
});

describe('normalizeWithOffsets', () => {
  it('gives the key and, per key unit, its offset in the text', () => {
    expect(normalizeWithOffsets('“数字 Ｓ”A')).toEqual({ key: '数字sa', offsets: [1, 2, 4, 6] });
    expect(normalizeWithOffsets('')).toEqual({ key: '', offsets: [] });
  });

  it('agrees with normalizeKey, and every offset points at the unit it folds (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('数', '字', ' ', '“', '”', 'Ａ', 'a', 'B', '\u3000', '𠀀') }),
        (text) => {
          const { key, offsets } = normalizeWithOffsets(text);
          expect(key).toBe(normalizeKey(text));
          expect(offsets).toHaveLength(key.length);
          offsets.forEach((offset, i) => expect(foldCode(text.charCodeAt(offset))).toBe(key.charCodeAt(i)));
          expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
        },
      ),
    );
  });
});
