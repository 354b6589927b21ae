// findTerms against a deliberately naive reference: normalize the text, try every name at every position.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDefinitionSet } from '../definitions/compile';
import { definitionSet as shippedSet } from '../definitions/definition-set.generated';
import { traditionalFolds } from '../text/traditional-folds.generated';
import type { DefinitionSet } from '../definitions/types';
import { findTerms, type TermMatch } from './find-terms';
import { buildMatcher, type Matcher } from './matcher';
import { scanText } from './scan';

/** The ignorable characters, written out again from the issue text, independently of normalize.ts. */
const REFERENCE_QUOTES = '“”‘’"\'「」『』〝〞〟＂＇';
const REFERENCE_SPACES =
  ' \t\n\r\v\f\u0085\u00a0\u00ad\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff';
const REFERENCE_PAIRS = ['“”', '‘’', '「」', '『』', '〝〞', '〝〟', '""', "''", '＂＂', '＇＇'];

/** The generated fold table read as data: variant → simplified, and simplified → its variants. */
const REFERENCE_SIMPLIFIED = new Map<string, string>();
const REFERENCE_VARIANTS = new Map<string, string[]>();
for (const [variant, simplified] of traditionalFolds.match(/../gsu) ?? []) {
  REFERENCE_SIMPLIFIED.set(variant!, simplified!);
  REFERENCE_VARIANTS.set(simplified!, [...(REFERENCE_VARIANTS.get(simplified!) ?? []), variant!]);
}

function referenceFold(char: string): string {
  const code = char.charCodeAt(0);
  const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : char;
  const lower = /^[A-Z]$/.test(half) ? half.toLowerCase() : half;
  return REFERENCE_SIMPLIFIED.get(lower) ?? lower;
}

/** The normalized text and, for each of its code units, the offset it came from. */
function referenceNormalize(text: string): { normalized: string; offsets: number[] } {
  let normalized = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (REFERENCE_QUOTES.includes(char) || REFERENCE_SPACES.includes(char)) continue;
    normalized += referenceFold(char);
    offsets.push(i);
  }
  return { normalized, offsets };
}

/** Whether the quotes of one pair inside text[start, end) leave one of `side` without a partner. */
function referenceLeavesUnpaired(
  text: string,
  start: number,
  end: number,
  pair: string,
  side: 'open' | 'close',
): boolean {
  const [open, close] = [pair[0]!, pair[1]!];
  if (open === close) return text.slice(start, end).split(open).length % 2 === 0;
  // Pair them up like brackets, removing innermost pairs until none is left.
  let quotes = [...text.slice(start, end)].filter((c) => c === open || c === close).join('');
  while (quotes.includes(open + close)) quotes = quotes.replace(open + close, '');
  return quotes.includes(side === 'open' ? open : close);
}

function referenceFindTerms(text: string, set: DefinitionSet): TermMatch[] {
  const names: Array<{ key: string; term: string; serial: number } | { key: string; term: null; serial: 0 }> =
    [];
  for (const entry of set.entries)
    for (const name of [entry.term, ...entry.aliases])
      names.push({ key: referenceNormalize(name).normalized, term: entry.term, serial: entry.serial });
  for (const phrase of set.exclusions ?? [])
    names.push({ key: referenceNormalize(phrase).normalized, term: null, serial: 0 });

  const { normalized, offsets } = referenceNormalize(text);
  const results: TermMatch[] = [];
  let position = 0;
  let lastEnd = 0;
  while (position < normalized.length) {
    let best: (typeof names)[number] | undefined;
    for (const name of names)
      if (
        name.key &&
        normalized.startsWith(name.key, position) &&
        (!best || name.key.length > best.key.length)
      )
        best = name;
    if (!best) {
      position++;
      continue;
    }
    if (best.term !== null) {
      let start = offsets[position]!;
      let end = offsets[position + best.key.length - 1]! + 1;
      const before = text[start - 1];
      if (
        start - 1 >= lastEnd &&
        REFERENCE_PAIRS.some((p) => p[0] === before && referenceLeavesUnpaired(text, start, end, p, 'close'))
      )
        start--;
      const after = text[end];
      if (REFERENCE_PAIRS.some((p) => p[1] === after && referenceLeavesUnpaired(text, start, end, p, 'open')))
        end++;
      results.push({ start, end, term: best.term, serial: best.serial });
      lastEnd = end;
    }
    position += best.key.length;
  }
  return results;
}

/** A small set that stresses what the shipped one lacks: Latin, nesting, overlaps, astral characters, exclusions. */
const customSet = compileDefinitionSet({
  title: '测试集',
  version: '1.0',
  issuer: '测试',
  date: '2024-02-29',
  entries: [
    { serial: 1, term: 'CIM', definition: ['城市信息模型。'], unit: '甲' },
    { serial: 2, term: 'CIM平台', definition: ['平台。'], unit: '甲' },
    {
      serial: 3,
      term: '𠀀𠀁码',
      definition: ['扩展区汉字。'],
      unit: '乙',
      aliases: [{ text: '𠀀码', reason: '简称' }],
    },
    {
      serial: 4,
      term: '“数据”大脑+智慧数据',
      definition: ['复合。'],
      unit: '乙',
      aliases: [
        { text: '数据大脑', reason: '前半' },
        { text: '智慧数据', reason: '后半' },
      ],
    },
    {
      serial: 5,
      term: '大脑',
      definition: ['短词。'],
      unit: '丙',
      exclusions: [{ text: '小大脑', reason: '不是大脑' }],
    },
    { serial: 6, term: 'Wi Fi网', definition: ['含空格。'], unit: '丙' },
    { serial: 7, term: '慧数', definition: ['与智慧数据重叠。'], unit: '丙' },
    { serial: 8, term: 'a', definition: ['单字母。'], unit: '丙' },
    { serial: 9, term: "'引'号", definition: ['直引号。'], unit: '丙' },
    // Nested and overlapping names: 甲乙丙丁戊 holds 甲乙 and 丙丁, which 乙丙 overlaps.
    { serial: 10, term: '甲乙', definition: ['前。'], unit: '丁' },
    { serial: 11, term: '丙丁', definition: ['后。'], unit: '丁' },
    { serial: 12, term: '乙丙', definition: ['中。'], unit: '丁' },
    {
      serial: 13,
      term: '甲乙丙丁戊',
      definition: ['全。'],
      unit: '丁',
      exclusions: [{ text: '甲乙丙丁戊己', reason: '更长的排除' }],
    },
  ],
});

const QUOTES = [...REFERENCE_QUOTES];
const SPACES = [...REFERENCE_SPACES];
const ASTRAL = ['𠀀', '𠀁', '😀', '𝐀', '𩸽'];

/** Every name of a set, and its exclusion phrases. */
function namesOf(set: DefinitionSet): string[] {
  return [...set.entries.flatMap((e) => [e.term, ...e.aliases]), ...(set.exclusions ?? [])];
}

/** Rewrites a name the way a page may print it: ignorables inserted inside, width and case changed, traditional forms. */
const spellingOf = (name: string) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...QUOTES, ...SPACES)), { maxLength: 3 }),
      fc.constantFrom('as is', 'wide', 'upper', 'wide upper', 'traditional'),
      fc.constantFrom('whole', 'prefix', 'suffix', 'middle'),
      fc.nat(),
      fc.nat(),
    )
    .map(([inserts, form, part, a, b]) => {
      let chars = [...name];
      if (part === 'prefix') chars = chars.slice(0, 1 + (a % chars.length));
      if (part === 'suffix') chars = chars.slice(a % chars.length);
      if (part === 'middle')
        chars = chars.slice(a % chars.length, (a % chars.length) + 1 + (b % chars.length));
      if (form === 'traditional') {
        // each character that has traditional forms takes one of them, or stays, chosen by a
        chars = chars.map((char, i) => {
          const forms = [char, ...(REFERENCE_VARIANTS.get(char) ?? [])];
          return forms[(a + i) % forms.length]!;
        });
      }
      let out = chars.join('');
      if (form.includes('upper')) out = out.toUpperCase();
      if (form.includes('wide'))
        out = out.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      for (const [at, char] of inserts) {
        const i = at % (out.length + 1);
        out = out.slice(0, i) + char + out.slice(i);
      }
      return out;
    });

const textOf = (set: DefinitionSet, maxPieces = 24) => {
  const names = namesOf(set);
  const nameChars = [...new Set(names.join(''))];
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names).chain(spellingOf) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...QUOTES),
          fc.constantFrom(...names).chain(spellingOf),
          fc.constantFrom(...QUOTES),
        )
        .map(([open, name, close]) => open + name + close),
    },
    {
      // Two names around one straight quote, each holding one more: the middle one may close the first or open
      // the second, never both.
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('"', "'", '＂', '＇'),
          fc.constantFrom(...names).chain(spellingOf),
          fc.constantFrom(...names).chain(spellingOf),
          fc.nat(),
          fc.nat(),
        )
        .map(([quote, first, second, a, b]) => {
          const insert = (name: string, at: number) => {
            const i = 1 + (at % Math.max(1, name.length - 1));
            return name.slice(0, i) + quote + name.slice(i);
          };
          return insert(first, a) + quote + insert(second, b);
        }),
    },
    { weight: 3, arbitrary: fc.constantFrom(...nameChars) },
    { weight: 2, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)) },
    { weight: 2, arbitrary: fc.constantFrom(...QUOTES) },
    { weight: 1, arbitrary: fc.constantFrom(...SPACES) },
    { weight: 1, arbitrary: fc.constantFrom(...ASTRAL, 'x', 'Ｘ', '+', '，', '。') },
  );
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
};

const RUNS = 1500;

/** Matchers whose dense table is capped at 0 entries, so every set takes the sparse automaton. */
const sparseMatchers = new Map<DefinitionSet, Matcher>();

function findTermsSparse(text: string, set: DefinitionSet): TermMatch[] {
  let matcher = sparseMatchers.get(set);
  if (!matcher) {
    matcher = buildMatcher(set, 0);
    expect(matcher.automaton.kind).toBe('sparse');
    sparseMatchers.set(set, matcher);
  }
  return scanText(matcher, text);
}

const findTermsDense = (text: string, set: DefinitionSet) => findTerms(text, { set });

it('the default cap builds the dense automaton for both sets here', () => {
  expect(buildMatcher(shippedSet).automaton.kind).toBe('dense');
  expect(buildMatcher(customSet).automaton.kind).toBe('dense');
});

describe.each([
  ['dense', findTermsDense],
  ['sparse', findTermsSparse],
])('the %s automaton', (_path, find) => {
  describe.each([
    ['the shipped set', shippedSet],
    ['a custom set with Latin, astral and overlapping names', customSet],
  ])('findTerms on %s', (_label, set) => {
    it('equals the naive reference (normalize, then try every name at every position)', () => {
      fc.assert(
        fc.property(textOf(set), (text) => {
          expect(find(text, set)).toEqual(referenceFindTerms(text, set));
        }),
        { numRuns: RUNS },
      );
    });

    it('returns sorted, non-overlapping, non-empty ranges that spell a name of the reported entry, never edged by white space', () => {
      const serialOf = new Map(
        set.entries.flatMap((e) =>
          [e.term, ...e.aliases].map((name) => [referenceNormalize(name).normalized, e.serial]),
        ),
      );
      fc.assert(
        fc.property(textOf(set), (text) => {
          let previousEnd = 0;
          for (const match of find(text, set)) {
            expect(match.start).toBeGreaterThanOrEqual(previousEnd);
            expect(match.end).toBeGreaterThan(match.start);
            expect(serialOf.get(referenceNormalize(text.slice(match.start, match.end)).normalized)).toBe(
              match.serial,
            );
            expect(REFERENCE_SPACES.includes(text[match.start]!)).toBe(false);
            expect(REFERENCE_SPACES.includes(text[match.end - 1]!)).toBe(false);
            previousEnd = match.end;
          }
        }),
        { numRuns: RUNS },
      );
    });

    it('equals the naive reference on long texts too', () => {
      fc.assert(
        fc.property(textOf(set, 400), (text) => {
          expect(find(text, set)).toEqual(referenceFindTerms(text, set));
        }),
        { numRuns: 60 },
      );
    });
  });
});
