import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { annotateHtmlBytes } from '../../../src/html/annotate-bytes';
import { detectEncoding, prescanMetaCharset } from '../../../src/html/encoding';
import { hashText } from '../../../src/html/hash-text';
import { HtmlInputError } from '../../../src/html/input-error';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Removes the byte ranges of `inserted` (each the encoded tag) found in `output` in order, by exact comparison. */
function removeInsertedBytes(output: Uint8Array, input: Uint8Array): { rest: Uint8Array; removed: string[] } {
  // Walk both: where they differ, the output holds an inserted tag; skip to its closing '>'.
  const rest: number[] = [];
  const removed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < output.length) {
    if (j < input.length && output[i] === input[j] && !(output[i] === 0x3c && startsTag(output, i))) {
      rest.push(output[i]!);
      i++;
      j++;
      continue;
    }
    expect(startsTag(output, i)).toBe(true);
    const end = output.indexOf(0x3e, i) + 1;
    removed.push(Buffer.from(output.subarray(i, end)).toString('latin1'));
    i = end;
  }
  return { rest: Uint8Array.from(rest), removed };
}

function startsTag(bytes: Uint8Array, at: number): boolean {
  const tag = Buffer.from(bytes.subarray(at, at + 11)).toString('latin1');
  return tag.startsWith('<dszd-term ') || tag.startsWith('</dszd-term');
}

describe('detectEncoding', () => {
  it('takes a byte order mark first', () => {
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x3c), 'gbk')).toEqual({
      name: 'utf-8',
      label: 'UTF-8 BOM',
      source: 'bom',
      bomLength: 3,
    });
    expect(detectEncoding(Uint8Array.of(0xff, 0xfe, 0x3c, 0)).name).toBe('utf-16le');
    expect(detectEncoding(Uint8Array.of(0xfe, 0xff, 0, 0x3c)).name).toBe('utf-16be');
  });

  it('then a <meta> declaration, in either form, case-insensitively', () => {
    expect(detectEncoding(utf8('<html><head><META Charset="GB2312">'))).toEqual({
      name: 'gbk',
      label: 'GB2312',
      source: 'meta',
      bomLength: 0,
    });
    expect(
      detectEncoding(utf8('<meta http-equiv="Content-Type" content="text/html; charset=gb18030">'), 'utf-8')
        .name,
    ).toBe('gb18030');
    expect(detectEncoding(utf8("<meta content='text/html;charset=GBK' http-equiv=content-type>")).name).toBe(
      'gbk',
    );
  });

  it('ignores a declaration inside a comment or past the first 1024 bytes', () => {
    expect(prescanMetaCharset(utf8('<!-- <meta charset="gbk"> --><p>'))).toBeNull();
    expect(prescanMetaCharset(utf8(`${' '.repeat(1024)}<meta charset="gbk">`))).toBeNull();
  });

  it('reads a <meta> that says UTF-16 as UTF-8, as the HTML standard does', () => {
    expect(detectEncoding(utf8('<meta charset="utf-16">')).name).toBe('utf-8');
  });

  it('then the fallback option, then UTF-8', () => {
    expect(detectEncoding(utf8('<p>'), 'GBK')).toEqual({
      name: 'gbk',
      label: 'GBK',
      source: 'option',
      bomLength: 0,
    });
    expect(detectEncoding(utf8('<p>'))).toEqual({
      name: 'utf-8',
      label: 'utf-8',
      source: 'default',
      bomLength: 0,
    });
  });

  it('refuses an unknown encoding with a clear message', () => {
    expect(() => detectEncoding(utf8('<meta charset="klingon">'))).toThrow(
      'unknown encoding declared in <meta>: "klingon"',
    );
    expect(() => detectEncoding(utf8('<p>'), 'nope')).toThrow('unknown encoding: "nope"');
  });
});

describe('annotateHtmlBytes', () => {
  it('round-trips a GBK page: tagged, decodable as GBK, and every original byte kept', () => {
    const page =
      '<!DOCTYPE html><html><head><meta charset="gbk"><title>数字社会</title></head>' +
      '<body><p>浙江省推进数字社会建设，教育“一张图”与城市大脑。€ 数字<b>乡村</b></p></body></html>';
    const input = iconv.encode(page, 'gbk');
    const { bytes, matches, encoding } = annotateHtmlBytes(input);
    expect(encoding.name).toBe('gbk');
    expect(matches.map((m) => m.term)).toEqual(['数字社会', '教育“一张图”', '城市大脑', '数字乡村']);
    expect(iconv.decode(Buffer.from(bytes), 'gbk')).toBe(
      '<!DOCTYPE html><html><head><meta charset="gbk"><title>数字社会</title></head>' +
        '<body><p>浙江省推进<dszd-term term="数字社会">数字社会</dszd-term>建设，' +
        '<dszd-term term="教育“一张图”">教育“一张图”</dszd-term>与<dszd-term term="城市大脑">城市大脑</dszd-term>。€ ' +
        `<dszd-term term="数字乡村" data-dszd-match="dszd-h${hashText(page)}-1">数字</dszd-term>` +
        `<b><dszd-term term="数字乡村" data-dszd-match="dszd-h${hashText(page)}-1">乡村</dszd-term></b></p></body></html>`,
    );
    const { rest, removed } = removeInsertedBytes(bytes, input);
    expect(Buffer.from(rest).equals(input)).toBe(true);
    expect(removed).toHaveLength(10);
  });

  it('keeps GB18030 bytes that GBK writes differently (two-byte €, four-byte characters) exactly', () => {
    // A2 E3 is € in GB18030 (GBK writes 0x80); 0x9534 8236 is a four-byte character (U+20000, 𠀀).
    const input = Buffer.concat([
      Buffer.from('<meta charset="gbk"><p>'),
      Buffer.from([0xa2, 0xe3, 0x95, 0x32, 0x82, 0x36]),
      iconv.encode('城市大脑', 'gbk'),
      Buffer.from([0x80]),
      Buffer.from('</p>'),
    ]);
    const { bytes } = annotateHtmlBytes(input);
    const { rest } = removeInsertedBytes(bytes, input);
    expect(Buffer.from(rest).equals(input)).toBe(true);
    expect(iconv.decode(Buffer.from(bytes), 'gb18030')).toBe(
      '<meta charset="gbk"><p>€𠀀<dszd-term term="城市大脑">城市大脑</dszd-term>€</p>',
    );
  });

  it('writes term characters the page encoding lacks as character references', () => {
    // a Latin-1 page can only hold the Chinese text as references; the term attribute must do the same
    const numeric = iconv.encode(
      '<meta charset="windows-1252"><p>caf\u00e9 &#25968;&#23383;&#31038;&#20250;</p>',
      'windows-1252',
    );
    expect(iconv.decode(Buffer.from(annotateHtmlBytes(numeric).bytes), 'windows-1252')).toBe(
      '<meta charset="windows-1252"><p>caf\u00e9 <dszd-term term="&#x6570;&#x5B57;&#x793E;&#x4F1A;">' +
        '&#25968;&#23383;&#31038;&#20250;</dszd-term></p>',
    );
  });

  it('keeps a UTF-8 byte order mark and UTF-16 pages with theirs', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>浙里家</p>')]);
    expect(Buffer.from(annotateHtmlBytes(withBom).bytes).toString('utf8')).toBe(
      '\uFEFF<p><dszd-term term="浙里家">浙里家</dszd-term></p>',
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>浙里家</p>', 'utf16le')]);
    const out = Buffer.from(annotateHtmlBytes(utf16).bytes);
    expect([...out.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(out.subarray(2).toString('utf16le')).toBe('<p><dszd-term term="浙里家">浙里家</dszd-term></p>');
  });

  it('returns the very input bytes when nothing is tagged', () => {
    const input = iconv.encode('<meta charset="gbk"><p>无</p>', 'gbk');
    expect(annotateHtmlBytes(input).bytes).toBe(input);
  });

  it('refuses GBK bytes read as UTF-8, suggesting --encoding gbk', () => {
    const input = iconv.encode('<p>数字社会</p>', 'gbk');
    expect(() => annotateHtmlBytes(input)).toThrow(HtmlInputError);
    expect(() => annotateHtmlBytes(input)).toThrow(
      'not valid UTF-8 at byte 3 (no charset is declared; if the page is GBK, pass --encoding gbk)',
    );
    expect(new TextDecoder('gbk').decode(annotateHtmlBytes(input, { encoding: 'gbk' }).bytes)).toBe(
      '<p><dszd-term term="数字社会">数字社会</dszd-term></p>',
    );
  });

  it('refuses bytes invalid in the declared encoding', () => {
    const input = Buffer.concat([
      Buffer.from('<meta charset="gbk"><p>'),
      Buffer.from([0xff, 0xff]),
      Buffer.from('</p>'),
    ]);
    expect(() => annotateHtmlBytes(input)).toThrow(/^not valid gbk \(character 24 does not decode\)/);
  });

  it('refuses UTF-16 with an odd number of bytes rather than drop the last one', () => {
    const le = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<p>浙里家</p>', 'utf16le'),
      Buffer.from([0x41]),
    ]);
    const be = Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      Buffer.from('<p>浙里家</p>', 'utf16le').swap16(),
      Buffer.from([0]),
    ]);
    const undeclared = Buffer.concat([Buffer.from('<p>浙里家</p>', 'utf16le'), Buffer.from([0x0a])]);

    for (const input of [le, be]) {
      expect(() => annotateHtmlBytes(input)).toThrow(HtmlInputError);
      expect(() => annotateHtmlBytes(input)).toThrow(
        `not valid ${input === le ? 'UTF-16LE' : 'UTF-16BE'} BOM (an odd number of bytes, 21: the last one is not a character)`,
      );
    }
    expect(() => annotateHtmlBytes(undeclared, { encoding: 'utf-16le' })).toThrow(
      'not valid utf-16le (an odd number of bytes, 21: the last one is not a character)',
    );
  });

  it('refuses binary content', () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
    expect(() => annotateHtmlBytes(png)).toThrow('binary file, not HTML');
    const controls = Uint8Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x61));
    expect(() => annotateHtmlBytes(controls)).toThrow('binary file, not HTML');
    expect(annotateHtmlBytes(new Uint8Array()).bytes).toEqual(new Uint8Array());
  });
});
