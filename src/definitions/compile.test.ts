import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDefinitionSet, DefinitionSetError, parseDefinitionSetJson } from './compile';
import { renderDefinitionModule } from './serialize';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break sets in ways no type allows
type LooseSet = Record<string, any>;

/** A small invented set (not the shipped data), deliberately out of serial order. */
function customSet(): LooseSet {
  return {
    title: '示例定义集',
    version: '1.0',
    issuer: '示例市数据局',
    date: '2024-03-01',
    entries: [
      {
        serial: 2,
        term: '“一网通办”服务',
        definition: ['“一网通办”服务是指示例文字。'],
        unit: '市数据局',
        aliases: [{ text: '一网通办服务', reason: '名词名称去掉引号的写法' }],
      },
      {
        serial: 1,
        term: '社区大脑+智慧社区',
        definition: ['社区大脑是指示例文字。', '智慧社区是指示例文字。'],
        notes: ['（注：示例注释。）'],
        unit: '市民政局',
        aliases: [
          { text: '社区大脑', reason: '复合名词的前一部分' },
          { text: '智慧社区', reason: '复合名词的后一部分' },
        ],
      },
      {
        serial: 3,
        term: '多跨协同',
        definition: ['多跨协同是指示例文字。'],
        unit: '市发展改革委',
        exclusions: [{ text: '更多跨协同', reason: '“更多”＋“跨协同”' }],
      },
    ],
  };
}

/** The message of the error that compiling a mutated copy of the custom set throws. */
function errorOf(mutate: (set: LooseSet) => void): string {
  const set = customSet();
  mutate(set);
  try {
    compileDefinitionSet(set, 'custom.json');
  } catch (error) {
    expect(error).toBeInstanceOf(DefinitionSetError);
    return (error as Error).message;
  }
  throw new Error('compiled without an error');
}

describe('compileDefinitionSet on a valid custom set', () => {
  it('compiles it sorted by serial, with reasons dropped and absent notes made empty', () => {
    const compiled = compileDefinitionSet(customSet(), 'custom.json');

    expect(compiled).toEqual({
      title: '示例定义集',
      version: '1.0',
      issuer: '示例市数据局',
      date: '2024-03-01',
      entries: [
        {
          serial: 1,
          term: '社区大脑+智慧社区',
          aliases: ['社区大脑', '智慧社区'],
          definition: ['社区大脑是指示例文字。', '智慧社区是指示例文字。'],
          notes: ['（注：示例注释。）'],
          unit: '市民政局',
          related: [],
        },
        {
          serial: 2,
          term: '“一网通办”服务',
          aliases: ['一网通办服务'],
          definition: ['“一网通办”服务是指示例文字。'],
          notes: [],
          unit: '市数据局',
          related: [],
        },
        {
          serial: 3,
          term: '多跨协同',
          aliases: [],
          definition: ['多跨协同是指示例文字。'],
          notes: [],
          unit: '市发展改革委',
          related: [],
        },
      ],
      exclusions: ['更多跨协同'],
    });
  });

  it('records the entries each definition and note names: first occurrence first, each once, itself never', () => {
    const set = customSet();
    set.entries[2].definition = [
      '多跨协同依托“一网通办”服务和社区大脑，更多跨协同不算；一网通办服务再提一次。',
    ];
    set.entries[2].notes = ['（注：见智慧社区。）'];
    set.entries[0].definition = ['“一网通办”服务是指多跨协同的示例文字。']; // serial 2

    const compiled = compileDefinitionSet(set, 'custom.json');

    expect(compiled.entries.map((entry) => [entry.serial, entry.related])).toEqual([
      [1, []],
      [2, [3]],
      [3, [2, 1]],
    ]);
  });

  it("gives each entry its unit's full name from a units table, and none for a unit the table lacks", () => {
    const units = {
      units: [
        { printed: '市民政局', name: '示例市民政局', source: { kind: 'unconfirmed' as const, note: '示例' } },
      ],
    };
    const compiled = compileDefinitionSet(customSet(), 'custom.json', { units });
    expect(compiled.entries.map((entry) => entry.unitName)).toEqual(['示例市民政局', undefined, undefined]);
    expect(compiled.entries[1]).not.toHaveProperty('unitName');
  });

  it('leaves the source untouched', () => {
    const set = customSet();
    const before = structuredClone(set);
    compileDefinitionSet(set);
    expect(set).toEqual(before);
  });

  it('omits exclusions when the set has none', () => {
    const set = customSet();
    delete set.entries[2].exclusions;
    expect(compileDefinitionSet(set)).not.toHaveProperty('exclusions');
  });

  it('accepts the optional $schema and noticeTitle', () => {
    const set = {
      $schema: './definition-set.schema.json',
      noticeTitle: '关于印发示例定义集的通知',
      ...customSet(),
    };
    expect(compileDefinitionSet(set).entries).toHaveLength(3);
  });
});

describe('compileDefinitionSet on a malformed set names the entry and the field', () => {
  it.each<[string, (set: LooseSet) => void, string]>([
    [
      'missing field in an entry',
      (s) => delete s.entries[0].unit,
      'custom.json: entry 2 (“一网通办”服务), field "unit": missing field',
    ],
    ['missing field at the top', (s) => delete s.title, 'custom.json: field "title": missing field'],
    [
      'missing reason of an alias',
      (s) => delete s.entries[0].aliases[0].reason,
      'custom.json: entry 2 (“一网通办”服务), field "aliases[0].reason": missing field',
    ],
    [
      'empty term',
      (s) => (s.entries[0].term = ''),
      'custom.json: entry 2, field "term": empty field: needs non-blank text',
    ],
    [
      'blank term',
      (s) => (s.entries[0].term = ' \u3000'),
      'custom.json: entry 2, field "term": empty field: needs non-blank text',
    ],
    [
      'term of quote marks only',
      (s) => (s.entries[0].term = '“”'),
      'custom.json: entry 2 (“”), field "term": empty field: nothing left once quote marks and white space are ignored',
    ],
    [
      'empty definition',
      (s) => (s.entries[0].definition = []),
      'custom.json: entry 2 (“一网通办”服务), field "definition": empty field: needs at least 1 item',
    ],
    [
      'empty alias text',
      (s) => (s.entries[0].aliases[0].text = ''),
      'custom.json: entry 2 (“一网通办”服务), field "aliases[0].text": empty field: needs non-blank text',
    ],
    [
      'alias of quote marks only',
      (s) => (s.entries[0].aliases[0].text = '「」'),
      'custom.json: entry 2 (“一网通办”服务), field "aliases[0].text": empty field: nothing left once quote marks and white space are ignored',
    ],
    [
      'no entries',
      (s) => (s.entries = []),
      'custom.json: field "entries": empty field: needs at least 1 item',
    ],
    [
      'duplicate serial',
      (s) => (s.entries[2].serial = 2),
      'custom.json: entry 2 (多跨协同), field "serial": duplicate serial 2 (also entry at position 1)',
    ],
    [
      'duplicate term',
      (s) => {
        s.entries[2].term = '社区大脑+智慧社区';
        delete s.entries[2].exclusions;
      },
      'custom.json: entry 3 (社区大脑+智慧社区), field "term": duplicate term: same as “社区大脑+智慧社区” of entry 1',
    ],
    [
      'duplicate term that differs only by quote marks',
      (s) => {
        s.entries[0].term = '教育“一张图”';
        delete s.entries[0].aliases;
        s.entries[2].term = '教育一张图';
        delete s.entries[2].exclusions;
      },
      'custom.json: entry 3 (教育一张图), field "term": duplicate term: same as “教育“一张图”” of entry 2',
    ],
    [
      'duplicate term that differs only by character width',
      (s) => {
        s.entries[0].term = '社区CIM应用';
        delete s.entries[0].aliases;
        s.entries[2].term = '社区ＣＩＭ应用';
        delete s.entries[2].exclusions;
      },
      'custom.json: entry 3 (社区ＣＩＭ应用), field "term": duplicate term: same as “社区CIM应用” of entry 2',
    ],
    [
      "alias that is another entry's term",
      (s) => (s.entries[2].aliases = [{ text: '社区大脑+智慧社区', reason: '…' }]),
      'custom.json: entry 3 (多跨协同), field "aliases[0].text": alias “社区大脑+智慧社区” collides with “社区大脑+智慧社区” of entry 1',
    ],
    [
      "alias that is another entry's term written with quotes",
      (s) => (s.entries[2].aliases = [{ text: '“一网通办服务”', reason: '…' }]),
      'custom.json: entry 3 (多跨协同), field "aliases[0].text": alias ““一网通办服务”” collides with ““一网通办”服务” of entry 2',
    ],
    [
      "alias that is another entry's alias",
      (s) => (s.entries[2].aliases = [{ text: '智慧社区', reason: '…' }]),
      'custom.json: entry 3 (多跨协同), field "aliases[0].text": alias “智慧社区” collides with “智慧社区” of entry 1',
    ],
    ['unknown field at the top', (s) => (s.author = '某人'), 'custom.json: field "author": unknown field'],
    [
      'unknown field in an entry',
      (s) => (s.entries[1].source = '某文件'),
      'custom.json: entry 1 (社区大脑+智慧社区), field "source": unknown field',
    ],
    [
      'unknown field in an alias',
      (s) => (s.entries[1].aliases[0].note = '…'),
      'custom.json: entry 1 (社区大脑+智慧社区), field "aliases[0].note": unknown field',
    ],
    [
      'serial written as a string',
      (s) => (s.entries[2].serial = '3'),
      'custom.json: entry at position 3 (多跨协同), field "serial": wrong type: expected integer, got string',
    ],
    [
      'definition written as a string',
      (s) => (s.entries[2].definition = '多跨协同是指示例文字。'),
      'custom.json: entry 3 (多跨协同), field "definition": wrong type: expected array, got string',
    ],
    [
      'serial 0',
      (s) => (s.entries[2].serial = 0),
      'custom.json: entry 0 (多跨协同), field "serial": must be 1 or more',
    ],
    [
      'date not written YYYY-MM-DD',
      (s) => (s.date = '2024-3-1'),
      'custom.json: field "date": must be a date written YYYY-MM-DD',
    ],
    [
      'date that does not exist',
      (s) => (s.date = '2023-02-29'),
      'custom.json: field "date": no such date: 2023-02-29',
    ],
    [
      'exclusion that does not contain the term',
      (s) => (s.entries[2].exclusions = [{ text: '跨部门协同', reason: '…' }]),
      'custom.json: entry 3 (多跨协同), field "exclusions[0].text": exclusion “跨部门协同” does not contain this entry\'s term or an alias',
    ],
    [
      'exclusion no longer than the term',
      (s) => (s.entries[2].exclusions = [{ text: '多跨“协同”', reason: '…' }]),
      'custom.json: entry 3 (多跨协同), field "exclusions[0].text": exclusion “多跨“协同”” is itself a name of entry 3',
    ],
    [
      "exclusion that is another entry's name",
      (s) => (s.entries[2].exclusions = [{ text: '一网通办服务', reason: '…' }]),
      'custom.json: entry 3 (多跨协同), field "exclusions[0].text": exclusion “一网通办服务” is itself a name of entry 2',
    ],
  ])('%s', (_name, mutate, message) => {
    expect(errorOf(mutate)).toBe(message);
  });

  it('keeps origin, location and problem apart for tools', () => {
    const set = customSet();
    delete set.entries[0].unit;
    try {
      compileDefinitionSet(set, 'custom.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        name: 'DefinitionSetError',
        origin: 'custom.json',
        location: 'entry 2 (“一网通办”服务), field "unit"',
        problem: 'missing field',
      });
    }
  });
});

describe('parseDefinitionSetJson', () => {
  const valid = JSON.stringify(customSet(), null, 2);

  it('parses a valid set, byte order mark or not', () => {
    expect(parseDefinitionSetJson(valid).entries).toHaveLength(3);
    expect(parseDefinitionSetJson(`\uFEFF${valid}`).entries).toHaveLength(3);
  });

  it.each([
    [
      'a trailing comma',
      '{\n  "title": "示例定义集",\n  "version": "1.0",\n}\n',
      'custom.json: not valid JSON (Expected double-quoted property name at line 4, column 1)',
    ],
    [
      'an unquoted word (V8 gives no position and quotes the source, line breaks included)',
      '{\n  "title": "示例定义集",\n  "version": v6\n}\n',
      "custom.json: not valid JSON (Unexpected token 'v' at line 3, column 14)",
    ],
    [
      'an unknown literal',
      '{\n  "entries": [\n    { "serial": nope }\n  ]\n}',
      "custom.json: not valid JSON (Unexpected token 'o' at line 3, column 18)",
    ],
    [
      'a text cut short',
      '{\n  "entries": [\n    { "serial": 1 },',
      'custom.json: not valid JSON (Unexpected end of JSON input at line 3, column 21)',
    ],
    [
      'a missing colon after a byte order mark',
      '\uFEFF{"title" "示例定义集"}',
      "custom.json: not valid JSON (Expected ':' after property name at line 1, column 10)",
    ],
  ])('names the line and column of %s, on one line', (_name, text, message) => {
    expect(() => parseDefinitionSetJson(text, 'custom.json')).toThrow(message);
    try {
      parseDefinitionSetJson(text, 'custom.json');
    } catch (error) {
      expect((error as Error).message).toBe(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('validates what it parsed', () => {
    expect(() => parseDefinitionSetJson('{"title": "示例定义集"}', 'custom.json')).toThrow(
      'custom.json: field "version": missing field',
    );
  });
});

describe('related entries of the shipped set, as its text says', () => {
  const source = readFileSync(new URL('../../data/definition-set.json', import.meta.url), 'utf8');
  const set = compileDefinitionSet(parseDefinitionSetJson(source));
  const termsRelatedTo = (serial: number) =>
    set.entries
      .find((entry) => entry.serial === serial)!
      .related!.map((related) => set.entries.find((entry) => entry.serial === related)!.term);

  it.each([
    // “依托全省一体化智能化公共数据平台和城市大脑……打造未来社区和未来乡村原居康养新模式”
    [23, ['城市大脑', '未来社区', '未来乡村']],
    // “智慧救助是以救助大脑为依托……落地未来社区和未来乡村”
    [25, ['救助大脑', '未来社区', '未来乡村']],
    // “支撑智慧救助高效运行”
    [24, ['智慧救助']],
    // “以智慧校园、未来社区、数字乡村、公共场所等为基础”
    [8, ['未来社区', '数字乡村']],
    // “并与城市大脑等对接”, after 未来社区 (its own longer name 未来社区智慧服务平台 is not counted)
    [28, ['未来社区', '城市大脑']],
    [4, []],
  ])('entry %i names %j', (serial, terms) => {
    expect(termsRelatedTo(serial)).toEqual(terms);
  });

  it('never relates an entry to itself, and names only serials of the set', () => {
    const serials = new Set(set.entries.map((entry) => entry.serial));
    for (const entry of set.entries) {
      expect(entry.related).not.toContain(entry.serial);
      for (const related of entry.related!) expect(serials.has(related)).toBe(true);
      expect(new Set(entry.related).size).toBe(entry.related!.length);
    }
  });
});

describe('the committed src/definitions/definition-set.generated.ts', () => {
  it('is exactly what the compiler makes of data/definition-set.json now', () => {
    const sourcePath = 'data/definition-set.json';
    const source = readFileSync(new URL('../../data/definition-set.json', import.meta.url), 'utf8');
    const units = JSON.parse(readFileSync(new URL('../../data/units.json', import.meta.url), 'utf8'));
    const expected = renderDefinitionModule(
      compileDefinitionSet(parseDefinitionSetJson(source, sourcePath), sourcePath, { units }),
      sourcePath,
    );
    const committed = readFileSync(new URL('./definition-set.generated.ts', import.meta.url), 'utf8');
    expect(committed, 'edit data/definition-set.json and run `npm run build:data` instead').toBe(expected);
  });
});
