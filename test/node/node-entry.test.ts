// The DOM-free entry (`dszd-term/node`) loads in plain Node and offers the matcher and the set compiler.
import { describe, expect, it } from 'vitest';
import * as node from '../../src/node';

describe('dszd-term/node', () => {
  it('loads without a DOM and exports the matcher, the shipped set and the compiler', () => {
    expect(typeof globalThis.document).toBe('undefined');
    for (const name of [
      'definitionSet',
      'findTerms',
      'findEntry',
      'compileDefinitionSet',
      'parseDefinitionSetJson',
      'DefinitionSetError',
      'checkCompiledSet',
      'CompiledSetError',
    ])
      expect(node, name).toHaveProperty(name);
    // internals stay internal
    for (const name of ['selectOccurrences', 'normalizeKey']) expect(node, name).not.toHaveProperty(name);
  });

  it('finds the terms of a set compiled from JSON text', () => {
    const source = JSON.stringify({
      title: '测试集',
      version: '1.0',
      issuer: '测试单位',
      date: '2024-01-01',
      entries: [{ serial: 1, term: '智慧养老', definition: ['定义。'], unit: '单位' }],
    });
    const set = node.compileDefinitionSet(node.parseDefinitionSetJson(source));
    expect(node.findTerms('发展智慧 养老', { set })).toEqual([
      { start: 2, end: 7, term: '智慧养老', serial: 1 },
    ]);
    expect(node.findEntry('智慧养老', set)?.serial).toBe(1);
  });

  it('reports a malformed set as a DefinitionSetError', () => {
    expect(() => node.parseDefinitionSetJson('{')).toThrow(node.DefinitionSetError);
  });
});
