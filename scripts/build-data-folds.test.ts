// The fold table is derived from OpenCC's tables at build time, for the names' own characters only.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { definitionSet } from '../src/definitions/definition-set.generated';
import { renderFoldsModule } from '../src/definitions/serialize';
import { deriveTraditionalFolds } from './build-data-folds';

const names = [
  ...definitionSet.entries.flatMap((entry) => [entry.term, ...entry.aliases]),
  ...(definitionSet.exclusions ?? []),
];

describe('deriveTraditionalFolds', () => {
  it('gives traditional, Taiwan and Hong Kong forms of the characters of the names', () => {
    const folds = deriveTraditionalFolds(['数字乡村', '浙里家']);
    expect(folds).toEqual(
      expect.arrayContaining([
        ['數', '数'],
        ['鄉', '乡'],
        ['裏', '里'],
        ['裡', '里'],
      ]),
    );
    expect(folds.map(([, simplified]) => simplified).every((char) => '数字乡村浙里家'.includes(char))).toBe(
      true,
    );
  });

  it('never folds a character the names use themselves (乾 of 乾坤 is not 干)', () => {
    expect(deriveTraditionalFolds(['干部'])).toContainEqual(['幹', '干']);
    const folds = deriveTraditionalFolds(['干部', '乾坤', '幹线']);
    expect(folds.map(([variant]) => variant)).not.toContain('乾');
    expect(folds.map(([variant]) => variant)).not.toContain('幹');
  });

  it('gives nothing for names without traditional forms', () => {
    expect(deriveTraditionalFolds(['浙江', 'CIM'])).toEqual([]);
  });

  it('is what the committed src/text/traditional-folds.generated.ts holds, and that stays small', () => {
    const module = renderFoldsModule(deriveTraditionalFolds(names));
    const committed = readFileSync(
      new URL('../src/text/traditional-folds.generated.ts', import.meta.url),
      'utf8',
    );
    expect(committed, 'run `npm run build:data`').toBe(module);
    const table = /traditionalFolds = (".*");/.exec(committed)![1]!;
    expect(gzipSync(table).length).toBeLessThan(400);
  });
});
