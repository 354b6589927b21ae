import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { planAnnotations } from '../../../src/html/annotate-html';
import type { HtmlEncoding } from '../../../src/html/encoding';
import { encodeAnnotated, encodeAnnotatedChunks } from '../../../src/html/encode-output';
import { InsertionList } from '../../../src/html/insertion-list';
import { applyInsertions } from '../../../src/html/splice';

const FRAGMENTS = [
  '数字社会',
  '城市大脑',
  '未来社区',
  '数字',
  '社会',
  '<p>',
  '</p>',
  '<b>',
  '</b>',
  '<!-- 数字社会 -->',
  '&amp;',
  '&ldquo;',
  'abc',
  '，',
  '\r\n',
  '😀',
];

// UTF-8 and UTF-16 behind a byte order mark, GB18030 and GBK walked byte by byte, cp936 (GBK under a name the walk
// does not know) located by re-encoding each stretch.
const ENCODINGS: HtmlEncoding[] = [
  { name: 'utf-8', label: 'utf-8', source: 'default', bomLength: 0 },
  { name: 'utf-8', label: 'UTF-8 BOM', source: 'bom', bomLength: 3 },
  { name: 'utf-16le', label: 'UTF-16LE BOM', source: 'bom', bomLength: 2 },
  { name: 'utf-16be', label: 'UTF-16BE BOM', source: 'bom', bomLength: 2 },
  { name: 'gb18030', label: 'gb18030', source: 'meta', bomLength: 0 },
  { name: 'gbk', label: 'gbk', source: 'meta', bomLength: 0 },
  { name: 'cp936', label: 'cp936', source: 'option', bomLength: 0 },
];
const BOMS: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
};

function encodePage(text: string, encoding: HtmlEncoding): Buffer {
  const bom = encoding.bomLength ? BOMS[encoding.name]! : [];
  return Buffer.concat([Buffer.from(bom), iconv.encode(text, encoding.name)]);
}

describe('encodeAnnotatedChunks', () => {
  it('gives the bytes of the tagged page, in chunks of the size asked, whatever the encoding', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }),
        fc.constantFrom(...ENCODINGS),
        fc.integer({ min: 1, max: 64 }),
        (fragments, encoding, chunkSize) => {
          // GBK has no emoji: the page could not hold them
          const narrow = encoding.name === 'gbk' || encoding.name === 'cp936';
          const text = `<body>${fragments.map((f) => (narrow && f === '😀' ? 'x' : f)).join('')}</body>`;
          const bytes = encodePage(text, encoding);
          const { insertions } = planAnnotations(text, { occurrence: 'all' });
          // the reference: the tagged text encoded whole (every fragment and tag survives these encodings)
          const expected = insertions.length
            ? encodePage(applyInsertions(text, insertions), encoding)
            : bytes;
          const chunks = [...encodeAnnotatedChunks(bytes, encoding, text, insertions, chunkSize)];
          expect(Buffer.concat(chunks).equals(expected)).toBe(true);
          // untagged, the one chunk is the input itself
          if (!insertions.length) expect(chunks).toEqual([bytes]);
          else {
            chunks.slice(0, -1).forEach((chunk) => expect(chunk.length).toBe(chunkSize));
            expect(chunks.at(-1)!.length).toBeGreaterThan(0);
            expect(chunks.at(-1)!.length).toBeLessThanOrEqual(chunkSize);
          }
          expect(Buffer.from(encodeAnnotated(bytes, encoding, text, insertions)).equals(expected)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hands out the input itself when nothing is tagged', () => {
    const bytes = encodePage('<p>没有术语</p>', ENCODINGS[0]!);
    const none = new InsertionList();
    expect([...encodeAnnotatedChunks(bytes, ENCODINGS[0]!, '<p>没有术语</p>', none, 4)]).toEqual([bytes]);
  });
});
