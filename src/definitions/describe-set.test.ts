import { describe, expect, it } from 'vitest';
import { definitionSet } from './definition-set.generated';
import { describeSet } from './describe-set';

describe('describeSet', () => {
  it('names the set, its version, issuer and date in one line (the card and the glossary show it)', () => {
    expect(describeSet(definitionSet)).toBe('数字社会定义集（6.0版） · 浙江省发展和改革委员会 · 2022-04-12');
    expect(
      describeSet({
        ...definitionSet,
        title: '某市术语',
        version: '1.2',
        issuer: '某局',
        date: '2024-01-02',
      }),
    ).toBe('某市术语（1.2版） · 某局 · 2024-01-02');
  });
});
