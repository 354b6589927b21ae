import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionSet } from '../definitions/definition-set.generated';
import { decodeCjk, encodeCjk } from './cjk-ascii';
import { traditionalFolds } from './traditional-folds.generated';

describe('encodeCjk / decodeCjk', () => {
  it('spells each ideograph as three base-36 digits and escapes the digits and letters of the text', () => {
    expect(encodeCjk('一')).toBe('000');
    expect(encodeCjk('数字')).toBe(`${(0x6570 - 0x4e00).toString(36)}${(0x5b57 - 0x4e00).toString(36)}`);
    expect(encodeCjk('鿿')).toBe((0x9fff - 0x4e00).toString(36));
    expect(encodeCjk('未来社区CIM应用')).toMatch(/^[0-9a-z]{12}CIM[0-9a-z]{6}$/);
    expect(encodeCjk('5G~a')).toBe('~5G~~~a');
    expect(encodeCjk('“一件事”+ 㐀')).toBe('“00006u03v”+ 㐀');
  });

  it('gives back every string, any character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(decodeCjk(encodeCjk(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('数', '字', 'a', '0', 'z', '9', '~', '|', '\n', 'C', '“', '一', '鿿'), {
          maxLength: 40,
        }),
        (chars) => {
          expect(decodeCjk(encodeCjk(chars.join('')))).toBe(chars.join(''));
        },
      ),
    );
  });

  it('spells the shipped names and folds in ASCII only, and gives them back', () => {
    const names = definitionSet.entries.flatMap((entry) => [entry.term, ...entry.aliases]).join('\n');
    for (const text of [names, traditionalFolds, definitionSet.title, ...(definitionSet.exclusions ?? [])]) {
      const spelt = encodeCjk(text);
      expect(spelt.replace(/[“”]/g, '')).toMatch(/^[\x20-\x7e\n]*$/);
      expect(decodeCjk(spelt)).toBe(text);
    }
  });
});
