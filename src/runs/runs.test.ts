import { describe, expect, it } from 'vitest';
import { textRuns, type TreeAdapter } from './runs';

/** A minimal tree: strings are text, arrays are [tag, ...children]. */
type Tree = string | [string, ...Tree[]];

function createAdapter(skipped: ReadonlySet<string>, calls: Map<Tree, number>): TreeAdapter<Tree> {
  return {
    children: (node) => (typeof node === 'string' ? [] : node.slice(1)) as Tree[],
    kind: (node) => (typeof node === 'string' ? 'text' : 'element'),
    tagName: (node) => (node as [string])[0],
    isSkipped: (node) => {
      calls.set(node, (calls.get(node) ?? 0) + 1);
      return skipped.has((node as [string])[0]);
    },
  };
}

describe('textRuns', () => {
  it('joins text across inline elements, ends runs at blocks, br and skipped elements', () => {
    const tree: Tree = [
      'div',
      'a',
      ['b', 'b'],
      'c',
      ['br'],
      'd',
      ['code', 'x'],
      'e',
      ['p', 'f', ['span', 'g']],
      'h',
    ];
    const calls = new Map<Tree, number>();
    const runs = [...textRuns(tree, createAdapter(new Set(['code']), calls))];
    expect(runs).toEqual([['a', 'b', 'c'], ['d'], ['e'], ['f', 'g'], ['h']]);
  });

  it('asks isSkipped once per element and never descends into a skipped one', () => {
    const skippedChild: Tree = ['span', 'hidden'];
    const code: Tree = ['code', skippedChild];
    const tree: Tree = ['div', ['p', 'a'], code, ['span', 'b']];
    const calls = new Map<Tree, number>();
    Array.from(textRuns(tree, createAdapter(new Set(['code']), calls)));
    expect([...calls.values()]).toEqual([1, 1, 1]);
    expect(calls.has(skippedChild)).toBe(false);
  });
});
