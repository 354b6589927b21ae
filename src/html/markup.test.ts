import { describe, expect, it } from 'vitest';
import { hashText } from './hash-text';
import { createMatchIdAllocator } from './markup';

describe('hashText', () => {
  it('is 32-bit FNV-1a (the published vectors for ASCII), in base 36', () => {
    expect(hashText('')).toBe((0x811c9dc5).toString(36));
    expect(hashText('a')).toBe((0xe40c292c).toString(36));
    expect(hashText('foobar')).toBe((0xbf9cf968).toString(36));
  });

  it('tells Chinese texts apart', () => {
    expect(hashText('<p>数字<b>社会</b></p>')).not.toBe(hashText('<p>未来<b>社区</b></p>'));
  });
});

describe('createMatchIdAllocator', () => {
  it('numbers ids under the hash of the input, skipping ids already taken', () => {
    const prefix = `dszd-h${hashText('input')}-`;
    const next = createMatchIdAllocator('input', new Set([`${prefix}2`, 'dszd-h3']));

    expect([next(), next(), next()]).toEqual([`${prefix}1`, `${prefix}3`, `${prefix}4`]);
  });
});
