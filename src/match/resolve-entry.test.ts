import { describe, expect, it } from 'vitest';
import { definitionSet } from '../definitions/definition-set.generated';
import { resolveEntry } from './resolve-entry';

describe('resolveEntry', () => {
  it('uses the name when given, in any accepted spelling', () => {
    expect(resolveEntry('总对总服务', 'whatever', definitionSet)?.serial).toBe(3);
    expect(resolveEntry('教育“一张图”', '', definitionSet)?.term).toBe('教育“一张图”');
    expect(resolveEntry('不是术语', '未来社区', definitionSet)).toBeUndefined();
  });

  it('falls back to the text when it is one term and punctuation', () => {
    expect(resolveEntry(undefined, '未来社区', definitionSet)?.serial).toBe(6);
    expect(resolveEntry('  ', '「未来社区」。', definitionSet)?.serial).toBe(6);
    expect(resolveEntry(null, '智慧养老', definitionSet)?.term).toBe('养老大脑+智慧养老');
  });

  it('refuses text that is more than one term', () => {
    expect(resolveEntry(undefined, '未来社区建设', definitionSet)).toBeUndefined();
    expect(resolveEntry(undefined, '城市大脑和未来社区', definitionSet)).toBeUndefined();
    expect(resolveEntry(undefined, '', definitionSet)).toBeUndefined();
  });
});
