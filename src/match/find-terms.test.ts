import { describe, expect, it } from 'vitest';
import { compileDefinitionSet } from '../definitions/compile';
import { definitionSet } from '../definitions/definition-set.generated';
import { findEntry, findEntryBySerial, findTerms, getMatcher } from './find-terms';
import { normalizeKey } from '../text/normalize';

/** [start, end, term] of each match: short enough to read a whole table row at a glance. */
function spans(text: string, options?: Parameters<typeof findTerms>[1]): Array<[number, number, string]> {
  return findTerms(text, options).map((m) => [m.start, m.end, m.term]);
}

const customSet = compileDefinitionSet({
  title: '测试集',
  version: '1.0',
  issuer: '测试单位',
  date: '2024-02-29',
  entries: [
    { serial: 7, term: 'CIM', definition: ['城市信息模型。'], unit: '甲' },
    { serial: 8, term: 'CIM平台', definition: ['基于CIM的平台。'], unit: '甲' },
    {
      serial: 9,
      term: 'Wi-Fi 6网络',
      definition: ['含空格与连字符。'],
      unit: '乙',
      aliases: [{ text: 'WiFi6', reason: '简写' }],
    },
    {
      serial: 10,
      term: '𠀀𠀁码',
      definition: ['扩展B区汉字。'],
      unit: '乙',
      aliases: [{ text: '𠀀码', reason: '简称' }],
    },
    {
      serial: 11,
      term: '大脑',
      definition: ['短词。'],
      unit: '丙',
      exclusions: [{ text: '小大脑', reason: '不是大脑' }],
    },
    { serial: 12, term: '平台大脑联动', definition: ['与CIM平台重叠。'], unit: '丙' },
  ],
});

describe('findTerms: result shape', () => {
  it('returns UTF-16 start (inclusive) and end (exclusive) offsets, the official term and the serial', () => {
    expect(findTerms('推进数字社会建设')).toEqual([{ start: 2, end: 6, term: '数字社会', serial: 1 }]);
  });

  it('reports the official term as printed when the text uses an alias or a part of a compound', () => {
    expect(findTerms('发展智慧养老')).toEqual([{ start: 2, end: 6, term: '养老大脑+智慧养老', serial: 23 }]);
    expect(findTerms('总对总服务')).toEqual([{ start: 0, end: 5, term: '“总对总”服务', serial: 3 }]);
  });

  it('counts UTF-16 code units: an astral character before a term counts as two', () => {
    expect(spans('𠀀数字社会')).toEqual([[2, 6, '数字社会']]);
    expect(spans('😀😀数字乡村😀')).toEqual([[4, 8, '数字乡村']]);
  });

  it('finds nothing in empty text, in text of ignorables only, and in text without terms', () => {
    expect(findTerms('')).toEqual([]);
    expect(findTerms('“” 「」\u3000\u00a0\u200b\n\t"\'＂＇')).toEqual([]);
    expect(findTerms('今天天气很好。')).toEqual([]);
  });

  it('finds a term at the very start and at the very end of the text', () => {
    expect(spans('数字社会')).toEqual([[0, 4, '数字社会']]);
    expect(spans('建设数字社会')).toEqual([[2, 6, '数字社会']]);
    expect(spans('数字社会与数字乡村')).toEqual([
      [0, 4, '数字社会'],
      [5, 9, '数字乡村'],
    ]);
  });

  it('finds adjacent terms as separate matches', () => {
    expect(spans('数字社会数字乡村城市大脑')).toEqual([
      [0, 4, '数字社会'],
      [4, 8, '数字乡村'],
      [8, 12, '城市大脑'],
    ]);
  });
});

describe('findTerms: normalization', () => {
  it.each([
    ['教育一张图', [[0, 5, '教育“一张图”']]],
    ['教育“一张图”', [[0, 7, '教育“一张图”']]],
    ['教育「一张图」', [[0, 7, '教育“一张图”']]],
    ['教育『一张图』', [[0, 7, '教育“一张图”']]],
    ['教育‘一张图’', [[0, 7, '教育“一张图”']]],
    ['教育〝一张图〞', [[0, 7, '教育“一张图”']]],
    ['教育"一张图"', [[0, 7, '教育“一张图”']]],
    ["教育'一张图'", [[0, 7, '教育“一张图”']]],
    ['教育＂一张图＂', [[0, 7, '教育“一张图”']]],
    ['教育＇一张图＇', [[0, 7, '教育“一张图”']]],
    ['浙里民生“关键小事”智能速办', [[0, 14, '浙里民生“关键小事智能速办”']]],
    ['浙里民生关键小事智能速办', [[0, 12, '浙里民生“关键小事智能速办”']]],
    ['“浙”里“民”生关“键小”事智“能”速办', [[0, 20, '浙里民生“关键小事智能速办”']]],
  ] as const)('ignores quote marks wherever they stand: %s', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it.each([
    ['未来社区ＣＩＭ应用', [[0, 9, '未来社区CIM应用']]],
    ['未来社区cim应用', [[0, 9, '未来社区CIM应用']]],
    ['未来社区Cim应用', [[0, 9, '未来社区CIM应用']]],
    ['未来社区ｃｉｍ应用', [[0, 9, '未来社区CIM应用']]],
    ['养老大脑＋智慧养老', [[0, 9, '养老大脑+智慧养老']]],
    ['“互联网＋医疗健康”公共服务', [[0, 14, '“互联网+医疗健康”公共服务']]],
  ] as const)('folds full-width to half-width and Latin case: %s', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it.each([
    ['space', '数字 社会'],
    ['line feed', '数字\n社会'],
    ['carriage return + line feed', '数字\r\n社会'],
    ['tab', '数字\t社会'],
    ['no-break space', '数字\u00a0社会'],
    ['ideographic space', '数字\u3000社会'],
    ['zero-width space', '数字\u200b社会'],
    ['zero-width joiner', '数字\u200d社会'],
    ['word joiner', '数字\u2060社会'],
    ['byte order mark', '数字\ufeff社会'],
    ['several kinds at once', '数\u00a0字 \n社\u200b\u3000会'],
  ])('ignores white space inside a term: %s', (_kind, text) => {
    expect(spans(text)).toEqual([[0, text.length, '数字社会']]);
  });
});

describe('findTerms: the range of a match', () => {
  it('takes an opening quote before the term whose closing quote lies inside: “总对总”服务 whole', () => {
    expect(spans('通过“总对总”服务实现')).toEqual([[2, 9, '“总对总”服务']]);
  });

  it('takes a closing quote after the term whose opening quote lies inside: 教育“一张图” whole', () => {
    expect(spans('建设教育“一张图”。')).toEqual([[2, 9, '教育“一张图”']]);
  });

  it('takes both quotes when the match holds one partner of each: 「浙里民生」关键小事“智能速办”', () => {
    expect(spans('「浙里民生」关键小事“智能速办”')).toEqual([[0, 16, '浙里民生“关键小事智能速办”']]);
  });

  it('leaves out quotes around the whole term: their partners are not inside the match', () => {
    expect(spans('“教育一张图”是')).toEqual([[1, 6, '教育“一张图”']]);
    expect(spans('「数字社会」')).toEqual([[1, 5, '数字社会']]);
  });

  it('never swallows an unpaired quote at either edge', () => {
    expect(spans('“总对总服务')).toEqual([[1, 6, '“总对总”服务']]);
    expect(spans('教育一张图”')).toEqual([[0, 5, '教育“一张图”']]);
    expect(spans('”数字社会“')).toEqual([[1, 5, '数字社会']]);
  });

  it('keeps a quote inside the match even when its partner is missing: it is part of the term text', () => {
    expect(spans('总对总”服务')).toEqual([[0, 6, '“总对总”服务']]);
  });

  it('never swallows white space at either edge', () => {
    expect(spans(' 数字社会 ')).toEqual([[1, 5, '数字社会']]);
    expect(spans('\u3000\n数字社会\u00a0')).toEqual([[2, 6, '数字社会']]);
    expect(spans('“ 总对总”服务')).toEqual([[2, 8, '“总对总”服务']]);
  });

  it('gives a straight quote between two matches to one of them only', () => {
    expect(spans('教育"一张图"总对总"服务')).toEqual([
      [0, 7, '教育“一张图”'],
      [7, 13, '“总对总”服务'],
    ]);
  });
});

describe('findTerms: choice of matches', () => {
  it('takes the longest at the leftmost start: 未来社区智慧服务平台 is one match, not 未来社区 + a rest', () => {
    expect(spans('未来社区智慧服务平台')).toEqual([[0, 10, '未来社区智慧服务平台']]);
    expect(spans('未来社区服务应用商城')).toEqual([[0, 10, '未来社区服务应用商城']]);
    expect(spans('未来社区智慧')).toEqual([[0, 4, '未来社区']]);
  });

  it('prefers the leftmost of overlapping candidates, even when a later one is longer', () => {
    expect(spans('智慧救助大脑')).toEqual([[0, 4, '智慧救助']]);
    expect(spans('救助大脑智慧救助')).toEqual([
      [0, 4, '救助大脑'],
      [4, 8, '智慧救助'],
    ]);
    // CIM平台 [0, 5) and the longer 平台大脑联动 [3, 9) overlap: the leftmost wins, then 大脑 after it.
    expect(spans('CIM平台大脑联动', { set: customSet })).toEqual([
      [0, 5, 'CIM平台'],
      [5, 7, '大脑'],
    ]);
  });

  it('never returns overlapping matches, and a candidate inside a longer match is not reported', () => {
    expect(spans('养老大脑智慧养老')).toEqual([
      [0, 4, '养老大脑+智慧养老'],
      [4, 8, '养老大脑+智慧养老'],
    ]);
    // 数字社会 lies inside the alias 数字社会系统跨部门多业务协同应用场景: only the longer match is reported.
    expect(spans('数字社会系统跨部门多业务协同应用场景')).toEqual([[0, 18, '多跨场景']]);
    expect(spans('未来社区CIM应用')).toEqual([[0, 9, '未来社区CIM应用']]);
  });

  it('matches a compound entry as a whole and as each part', () => {
    expect(spans('养老大脑+智慧养老')).toEqual([[0, 9, '养老大脑+智慧养老']]);
    expect(spans('养老大脑')).toEqual([[0, 4, '养老大脑+智慧养老']]);
    expect(spans('智慧养老')).toEqual([[0, 4, '养老大脑+智慧养老']]);
    expect(spans('旅游大脑与智慧旅游')).toEqual([
      [0, 4, '旅游大脑+智慧旅游'],
      [5, 9, '旅游大脑+智慧旅游'],
    ]);
    expect(spans('就业大脑＋智慧就业')).toEqual([[0, 9, '就业大脑+智慧就业']]);
  });

  it.each(['更多跨场景', '众多跨场景', '诸多跨场景', '许多跨场景', '较多跨场景'])(
    'lets an exclusion phrase win like a longer match and yield nothing: %s',
    (phrase) => {
      expect(findTerms(`推动${phrase}落地`)).toEqual([]);
    },
  );

  it('still finds the term when the exclusion phrase is not there', () => {
    expect(spans('打造多跨场景')).toEqual([[2, 6, '多跨场景']]);
    expect(spans('很多跨场景')).toEqual([[1, 5, '多跨场景']]);
    expect(spans('浙里家政服务')).toEqual([]);
    expect(spans('浙里家的服务')).toEqual([[0, 3, '浙里家']]);
    expect(spans('浙里好家政')).toEqual([[0, 5, '浙里好家政']]);
  });

  it('finds the terms of a long text with many matches in order, and short texts after it', () => {
    const text = '数字社会，'.repeat(20000);
    const matches = findTerms(text);
    expect(matches).toHaveLength(20000);
    expect(matches.every((m, i) => m.start === i * 5 && m.end === i * 5 + 4 && m.serial === 1)).toBe(true);
    expect(spans('建设数字乡村')).toEqual([[2, 6, '数字乡村']]);
    expect(findTerms(text.slice(0, 5000))).toHaveLength(1000);
  });
});

describe('findTerms: occurrence policy', () => {
  it('returns every occurrence by default and with "all"', () => {
    const text = '数字社会、数字乡村、数字社会';
    expect(spans(text)).toEqual([
      [0, 4, '数字社会'],
      [5, 9, '数字乡村'],
      [10, 14, '数字社会'],
    ]);
    expect(spans(text, { occurrence: 'all' })).toEqual(spans(text));
  });

  it('returns the first occurrence of each entry with "first", counting aliases and parts as the entry', () => {
    expect(spans('数字社会、数字乡村、数字社会', { occurrence: 'first' })).toEqual([
      [0, 4, '数字社会'],
      [5, 9, '数字乡村'],
    ]);
    expect(spans('智慧养老和养老大脑', { occurrence: 'first' })).toEqual([[0, 4, '养老大脑+智慧养老']]);
  });
});

describe('findTerms: a custom compiled set', () => {
  it('matches Latin and mixed terms case- and width-insensitively, white space and hyphens as written', () => {
    expect(findTerms('建设ｃｉｍ平台与cim', { set: customSet })).toEqual([
      { start: 2, end: 7, term: 'CIM平台', serial: 8 },
      { start: 8, end: 11, term: 'CIM', serial: 7 },
    ]);
    expect(spans('覆盖wi-fi6网络', { set: customSet })).toEqual([[2, 10, 'Wi-Fi 6网络']]);
    expect(spans('覆盖ＷＩ－ＦＩ　６网络', { set: customSet })).toEqual([[2, 11, 'Wi-Fi 6网络']]);
    expect(spans('wifi6', { set: customSet })).toEqual([[0, 5, 'Wi-Fi 6网络']]);
  });

  it('matches a term of astral characters (surrogate pairs) with UTF-16 offsets', () => {
    expect(findTerms('扫𠀀𠀁码，或𠀀码', { set: customSet })).toEqual([
      { start: 1, end: 6, term: '𠀀𠀁码', serial: 10 },
      { start: 8, end: 11, term: '𠀀𠀁码', serial: 10 },
    ]);
  });

  it("applies the custom set's exclusions and ignores the shipped terms", () => {
    expect(spans('小大脑与大脑，数字社会', { set: customSet })).toEqual([[4, 6, '大脑']]);
  });

  it('builds the matcher once per set object', () => {
    expect(getMatcher(customSet)).toBe(getMatcher(customSet));
    expect(getMatcher()).toBe(getMatcher(definitionSet));
    expect(getMatcher(customSet)).not.toBe(getMatcher());
  });
});

describe('findTerms and findEntry on the shipped set', () => {
  const aliases = definitionSet.entries.flatMap((entry) =>
    entry.aliases.map((alias) => [alias, entry] as const),
  );

  it('has aliases to check', () => {
    expect(aliases.length).toBeGreaterThan(10);
  });

  it.each(aliases)('resolves the alias %s to its entry’s official term', (alias, entry) => {
    expect(findTerms(alias)).toEqual([
      { start: 0, end: alias.length, term: entry.term, serial: entry.serial },
    ]);
    expect(findEntry(alias)).toBe(entry);
  });

  it.each(definitionSet.entries.map((entry) => [entry.term, entry] as const))(
    'finds the term %s alone, and findEntry resolves it in any spelling',
    (term, entry) => {
      expect(findTerms(term)).toEqual([{ start: 0, end: term.length, term, serial: entry.serial }]);
      expect(findEntry(term)).toBe(entry);
      expect(
        findEntry(` ${term.replace(/[A-Za-z+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))} `),
      ).toBe(entry);
    },
  );

  it.each(definitionSet.entries.map((entry) => [entry.term, entry] as const))(
    'finds %s in its own definition wherever the definition names it',
    (_term, entry) => {
      const keys = [entry.term, ...entry.aliases].map(normalizeKey);
      for (const paragraph of [...entry.definition, ...entry.notes]) {
        const occurs = keys.some((key) => normalizeKey(paragraph).includes(key));
        const own = findTerms(paragraph).filter((m) => m.serial === entry.serial);
        expect(own.length > 0).toBe(occurs);
        for (const m of own) expect(keys).toContain(normalizeKey(paragraph.slice(m.start, m.end)));
      }
    },
  );

  it('finds the terms of a passage of the notice at their exact places', () => {
    const paragraph = definitionSet.entries[2]!.definition[0]!;
    expect(spans(paragraph)).toEqual([
      [0, 7, '“总对总”服务'],
      [121, 128, '“总对总”服务'],
    ]);
  });

  it('returns no entry for an exclusion phrase or an unknown name', () => {
    expect(findEntry('更多跨场景')).toBeUndefined();
    expect(findEntry('不存在的名词')).toBeUndefined();
    expect(findEntry('')).toBeUndefined();
  });
});

describe('findEntryBySerial', () => {
  it('finds the entry with a serial in the shipped set or a given one, and nothing for an unknown serial', () => {
    for (const entry of definitionSet.entries) expect(findEntryBySerial(entry.serial)).toBe(entry);
    expect(findEntryBySerial(8, customSet)?.term).toBe('CIM平台');
    expect(findEntryBySerial(1, customSet)).toBeUndefined();
    expect(findEntryBySerial(0)).toBeUndefined();
    expect(findEntryBySerial(Number.NaN)).toBeUndefined();
  });
});
