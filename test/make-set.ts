import type { DefinitionSet } from '../src/definitions/types';

/** A small compiled set for tests: one entry per term, each definition naming its set, every entry after the first related to the first. */
export function makeSet(title: string, terms: string[]): DefinitionSet {
  return {
    title,
    version: '1',
    issuer: `${title}单位`,
    date: '2025-01-01',
    entries: terms.map((term, i) => ({
      serial: i + 1,
      term,
      aliases: [],
      definition: [`${title}：${term}`],
      notes: [],
      unit: '单位',
      related: i ? [1] : [],
    })),
  };
}
