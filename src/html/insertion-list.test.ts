import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsertionList } from './insertion-list';

const TEXTS = ['</dszd-term>', '<dszd-term term="城市大脑">', '<dszd-term term="数字社会">'];
const closeFirst = (a: string, b: string) => Number(a !== TEXTS[0]) - Number(b !== TEXTS[0]);

describe('InsertionList', () => {
  it('keeps every entry across blocks, the markup shared by index', () => {
    const list = new InsertionList();
    const count = 150_000; // more than two blocks
    for (let i = 0; i < count; i++) list.push(i * 3, list.share(TEXTS[i % 3]!));
    expect(list.length).toBe(count);
    expect(list.texts).toEqual(TEXTS);
    for (const i of [0, 65_535, 65_536, 131_072, count - 1]) {
      expect(list.offsetAt(i)).toBe(i * 3);
      expect(list.textAt(i)).toBe(TEXTS[i % 3]);
    }
  });

  it('holds offsets up to 2^32 - 1 (a page is a string, far shorter)', () => {
    const list = InsertionList.from([0, 2 ** 31, 2 ** 32 - 1], ['a', 'b', 'a']);
    expect([0, 1, 2].map((i) => list.offsetAt(i))).toEqual([0, 2 ** 31, 2 ** 32 - 1]);
    expect(list.texts).toEqual(['a', 'b']);
  });

  it('markup used once gets its own index', () => {
    const list = new InsertionList();
    expect(list.once('<x>')).toBe(0);
    expect(list.once('<x>')).toBe(1);
    expect(list.share('<x>')).toBe(2);
  });

  it('property: sorts like a stable sort by offset, a close tag before an open one at one offset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom(...TEXTS)), { maxLength: 60 }),
        (entries) => {
          const list = InsertionList.from(
            entries.map(([offset]) => offset),
            entries.map(([, text]) => text),
          );
          list.sort(closeFirst);
          const expected = [...entries].sort((a, b) => a[0] - b[0] || closeFirst(a[1], b[1]));
          expect(Array.from({ length: list.length }, (_, i) => [list.offsetAt(i), list.textAt(i)])).toEqual(
            expected,
          );
        },
      ),
    );
  });
});
