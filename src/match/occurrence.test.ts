import { describe, expect, it } from 'vitest';
import { selectOccurrences } from './occurrence';

const matches = [
  { serial: 1, at: 0 },
  { serial: 5, at: 1 },
  { serial: 1, at: 2 },
  { serial: 23, at: 3 },
  { serial: 5, at: 4 },
];

describe('selectOccurrences', () => {
  it('keeps every match with "all", in a new array', () => {
    const kept = selectOccurrences(matches, 'all');
    expect(kept).toEqual(matches);
    expect(kept).not.toBe(matches);
  });

  it('keeps the first match of each entry with "first", in document order', () => {
    expect(selectOccurrences(matches, 'first').map((m) => m.at)).toEqual([0, 1, 3]);
  });

  it('carries the policy across calls through `seen`, and updates it', () => {
    const seen = new Set<number>();
    expect(selectOccurrences(matches.slice(0, 2), 'first', seen).map((m) => m.at)).toEqual([0, 1]);
    expect(selectOccurrences(matches.slice(2), 'first', seen).map((m) => m.at)).toEqual([3]);
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 5, 23]);
  });

  it('skips entries already shown elsewhere (pre-tagged markup) with "first"', () => {
    expect(selectOccurrences(matches, 'first', new Set([1])).map((m) => m.at)).toEqual([1, 3]);
  });

  it('leaves `seen` alone with "all"', () => {
    const seen = new Set([1]);
    expect(selectOccurrences(matches, 'all', seen)).toHaveLength(5);
    expect([...seen]).toEqual([1]);
  });

  it('returns an empty array for no matches', () => {
    expect(selectOccurrences([], 'first')).toEqual([]);
    expect(selectOccurrences([], 'all')).toEqual([]);
  });
});
