import type { DefinitionSet } from './types';

/** The line naming a set, e.g. 数字社会定义集（6.0版） · 浙江省发展和改革委员会 · 2022-04-12 (card and glossary). */
export function describeSet(set: Pick<DefinitionSet, 'title' | 'version' | 'issuer' | 'date'>): string {
  return `${set.title}（${set.version}版） · ${set.issuer} · ${set.date}`;
}
