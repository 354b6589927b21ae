// Traditional characters: the forms of the names' own characters fold to the simplified ones, nothing else does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionSet } from '../definitions/definition-set.generated';
import { traditionalFolds } from '../text/traditional-folds.generated';
import { findTerms } from './find-terms';
import { normalizeKey } from '../text/normalize';

const pairs = traditionalFolds.match(/../gsu)!.map((pair) => [pair[0]!, pair[1]!] as const);
const simplifiedOf = new Map(pairs);
const names = [
  ...definitionSet.entries.flatMap((entry) => [entry.term, ...entry.aliases]),
  ...(definitionSet.exclusions ?? []),
];
const nameChars = new Set(names.flatMap((name) => [...normalizeKey(name)]));
const nameKeysBySerial = new Map(
  definitionSet.entries.map((entry) => [
    entry.serial,
    new Set([entry.term, ...entry.aliases].map(normalizeKey)),
  ]),
);

describe('the fold table', () => {
  it('maps single UTF-16 units to characters of the names, never a character the names use themselves', () => {
    expect(traditionalFolds.length % 2).toBe(0);
    expect(pairs.length).toBeGreaterThan(20);
    for (const [variant, simplified] of pairs) {
      expect(nameChars.has(simplified), simplified).toBe(true);
      expect(nameChars.has(variant), variant).toBe(false);
    }
    expect(new Set(pairs.map(([variant]) => variant)).size).toBe(pairs.length);
  });

  it.each([
    ['數', '数'],
    ['鄉', '乡'],
    ['來', '来'],
    ['醫', '医'],
    ['認', '认'],
    ['腦', '脑'],
    ['裏', '里'],
    ['裡', '里'],
  ])('folds %s to %s', (variant, simplified) => {
    expect(simplifiedOf.get(variant)).toBe(simplified);
    expect(normalizeKey(variant)).toBe(simplified);
  });
});

describe('findTerms on real traditional-character text', () => {
  it.each([
    ['香港報道：浙江以數字鄉村建設推動未來鄉村落地。', ['數字鄉村', '数字乡村'], ['未來鄉村', '未来乡村']],
    ['轉載通知：全省推進浙醫互認，檢查檢驗結果互認共享。', ['浙醫互認', '浙医互认']],
    ['杭州城市大腦已接入多個部門的數據。', ['城市大腦', '城市大脑']],
    ['民眾可在「浙裡辦」查詢浙裡家的服務。', ['浙裡家', '浙里家']],
    ['依託養老大腦，發展智慧養老。', ['養老大腦', '养老大脑+智慧养老'], ['智慧養老', '养老大脑+智慧养老']],
  ])('%s', (text, ...expected) => {
    const matches = findTerms(text);
    expect(matches.map((match) => [text.slice(match.start, match.end), match.term])).toEqual(expected);
  });

  it('leaves traditional text without the terms alone (數據 is not a term, 大腦 alone neither)', () => {
    expect(findTerms('這份數據顯示，大腦與鄉鎮的關係。')).toEqual([]);
  });
});

/** Traditional CJK characters from the whole Unified Ideographs block that are neither a name character nor a variant. */
const otherCjk = fc
  .integer({ min: 0x4e00, max: 0x9fff })
  .map((code) => String.fromCharCode(code))
  .filter((char) => !nameChars.has(char) && !simplifiedOf.has(char));

describe('properties', () => {
  it('folding never makes a match of text without a character of any name or of its variants', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(otherCjk, fc.constantFrom('，', '。', ' ', '“', '”', 'a')), { maxLength: 80 }),
        (chars) => {
          const text = chars.join('');
          expect(findTerms(text)).toEqual([]);
          for (const char of normalizeKey(text)) expect(nameChars.has(char)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  /** A text of names and filler, and the same text with some name characters written in a traditional form. */
  const variantsOf = new Map<string, string[]>();
  for (const [variant, simplified] of pairs)
    variantsOf.set(simplified, [...(variantsOf.get(simplified) ?? []), variant]);
  const texts = fc
    .array(fc.oneof(fc.constantFrom(...names), otherCjk, fc.constantFrom('，', '“', '”', ' ')), {
      maxLength: 30,
    })
    .chain((pieces) => {
      const simplified = pieces.join('');
      return fc
        .array(fc.nat(), { minLength: simplified.length, maxLength: simplified.length })
        .map((choices) => {
          const traditional = [...simplified]
            .map((char, i) => {
              const forms = [char, ...(variantsOf.get(char) ?? [])];
              return forms[choices[i]! % forms.length]!;
            })
            .join('');
          return { simplified, traditional };
        });
    });

  it('a traditional spelling finds the same entries at the same offsets as the simplified text', () => {
    fc.assert(
      fc.property(texts, ({ simplified, traditional }) => {
        expect(traditional.length).toBe(simplified.length);
        expect(findTerms(traditional)).toEqual(findTerms(simplified));
      }),
      { numRuns: 1000 },
    );
  });

  it('match offsets point at the original characters: the slice folds to a name of the entry', () => {
    fc.assert(
      fc.property(texts, ({ traditional }) => {
        for (const match of findTerms(traditional))
          expect(
            nameKeysBySerial.get(match.serial)!.has(normalizeKey(traditional.slice(match.start, match.end))),
          ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
