import { describe, expect, it } from 'vitest';
import { definitionSet } from '../definitions/definition-set.generated';
import { findEntry, findTerms } from '../match/find-terms';
import { combineSets } from './combine-sets';
import { resolvePageSet } from './read-sets';
import { findEntrySource, listSetParts } from './set-sources';
import { makeSet } from '../../test/make-set';

describe('combineSets', () => {
  const a = makeSet('甲', ['一网通办', '免证办']);
  const b = makeSet('乙', ['一网通办', '掌上办', '帮办代办']);

  it('a name in two sets stands for the first set’s entry; each entry knows its set', () => {
    const combined = combineSets([b, a]);
    expect(findEntry('一网通办', combined)?.definition).toEqual(['乙：一网通办']);
    expect(findEntrySource(findEntry('免证办', combined)!, combined)).toBe(a);
    expect(findEntrySource(findEntry('掌上办', combined)!, combined)).toBe(b);
    expect(listSetParts(combined)).toEqual([b, a]);
    expect(combined.title).toBe('乙');
  });

  it('numbers the sets on from each other, moving their related serials along', () => {
    const combined = combineSets([a, b]);
    expect(combined.entries.map((entry) => entry.serial)).toEqual([1, 2, 3, 4, 5]);
    const zhangshang = findEntry('掌上办', combined)!;
    expect(zhangshang.related).toEqual([3]);
    expect(combined.entries.find((entry) => entry.serial === 3)?.term).toBe('一网通办');
    expect(findTerms('掌上办和免证办', { set: combined }).map((match) => match.serial)).toEqual([4, 2]);
  });

  it('the kept (shipped) set keeps its serials and entry objects wherever it stands in the order', () => {
    const combined = combineSets([a, definitionSet], definitionSet);
    const last = definitionSet.entries.at(-1)!;
    expect(combined.entries.slice(0, 2).map((entry) => entry.serial)).toEqual([
      last.serial + 1,
      last.serial + 2,
    ]);
    expect(combined.entries.slice(2)).toEqual(definitionSet.entries);
    expect(combined.entries[2]).toBe(definitionSet.entries[0]);
    expect(findEntrySource(definitionSet.entries[0]!, combined)).toBe(definitionSet);
  });

  it('one set is itself, and a set of its own is its own source', () => {
    expect(combineSets([a])).toBe(a);
    expect(listSetParts(a)).toEqual([a]);
    expect(findEntrySource(a.entries[0]!, a)).toBe(a);
  });

  it('resolvePageSet: the same sets give the same combination, so a change of other settings keeps it', () => {
    const config = { sets: [a, b], shipped: true };
    const first = resolvePageSet(config, definitionSet);
    expect(resolvePageSet({ ...config }, definitionSet)).toBe(first);
    expect(resolvePageSet({ sets: [b, a] }, definitionSet)).not.toBe(first);
    expect(resolvePageSet({ sets: [a], shipped: false }, definitionSet)).toBe(a);
    expect(resolvePageSet({ sets: [], shipped: false }, definitionSet)).toBe(definitionSet);
  });
});
