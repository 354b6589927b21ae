// A department-sized set: the dense table would need hundreds of megabytes, the sparse automaton stays small.
import { describe, expect, it } from 'vitest';
import { compileDefinitionSet } from '../definitions/compile';
import { DENSE_TABLE_CAP } from './automaton';
import { findTerms } from './find-terms';
import { getMatcher } from './matcher';

/** A fixed pseudo-random sequence, so the set and the text are the same on every run. */
function createRandom(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const random = createRandom(2024);
const pool = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000)));
const terms = new Set<string>();
while (terms.size < 3000) {
  const length = 3 + Math.floor(random() * 8);
  terms.add(Array.from({ length }, () => pool[Math.floor(random() * pool.length)]).join(''));
}
const termList = [...terms];
const largeSet = compileDefinitionSet({
  title: '大型测试集',
  version: '1.0',
  issuer: '测试',
  date: '2024-02-29',
  entries: termList.map((term, i) => ({ serial: i + 1, term, definition: ['定义。'], unit: '甲' })),
});

describe('a set of 3,000 random terms', () => {
  const automaton = getMatcher(largeSet).automaton;

  it('builds the sparse automaton, its typed arrays well under the dense cap', () => {
    const views = Object.values(automaton).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
    const bytes = views.reduce((sum, v) => sum + v.byteLength, 0);
    expect(automaton.kind).toBe('sparse');
    // What the dense table would have needed: one row per state, one column per class.
    expect(automaton.outLength.length * automaton.classCount).toBeGreaterThan(DENSE_TABLE_CAP);
    expect(bytes).toBeLessThan(DENSE_TABLE_CAP * 4);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('finds planted terms, each between separators, in order', () => {
    const planted = Array.from({ length: 500 }, () => termList[Math.floor(random() * termList.length)]!);
    const separators = ['，', '。', 'x', ' ', '“'];
    let text = '';
    const expected = planted.map((term, i) => {
      text += separators[i % separators.length]!;
      const start = text.length;
      text += term;
      return { start, end: text.length, term, serial: termList.indexOf(term) + 1 };
    });
    expect(findTerms(text, { set: largeSet })).toEqual(expected);
  });
});
