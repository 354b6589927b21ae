import { normalizeKey } from '../text/normalize';

/** What the name rules read of an entry, in a source set and in a compiled one alike. */
export interface NamedEntry {
  serial: number;
  term: string;
  aliases: readonly string[];
}

/** A broken name rule: the entry (by position), the field (`serial`, `term`, `aliases[2]`) and what is wrong. */
export interface NameProblem {
  index: number;
  field: string;
  problem: string;
}

/** The message for a name the matcher would see as empty (it would match everywhere). */
export const NOTHING_TO_MATCH = 'empty field: nothing left once quote marks and white space are ignored';

/**
 * The rules a schema cannot say, shared by the compiler (source sets) and the page's set check (compiled sets):
 * serials are unique, every name has something to match, and a spelling (教育“一张图” and 教育一张图 are one) names
 * one entry only. Returns the first broken rule, in entry order: serials and terms first, then aliases.
 */
export function findNameProblem(entries: readonly NamedEntry[]): NameProblem | undefined {
  const serials = new Map<number, number>();
  // normalized key → who owns it, so that 教育“一张图” and 教育一张图 count as one spelling
  const names = new Map<string, { serial: number; text: string }>();
  for (const [index, entry] of entries.entries()) {
    const previous = serials.get(entry.serial);
    if (previous !== undefined)
      return {
        index,
        field: 'serial',
        problem: `duplicate serial ${entry.serial} (also entry at position ${previous + 1})`,
      };
    serials.set(entry.serial, index);
    const termKey = normalizeKey(entry.term);
    if (!termKey) return { index, field: 'term', problem: NOTHING_TO_MATCH };
    const owner = names.get(termKey);
    if (owner)
      return {
        index,
        field: 'term',
        problem: `duplicate term: same as “${owner.text}” of entry ${owner.serial}`,
      };
    names.set(termKey, { serial: entry.serial, text: entry.term });
  }
  for (const [index, entry] of entries.entries())
    for (const [i, alias] of entry.aliases.entries()) {
      const key = normalizeKey(alias);
      const field = `aliases[${i}]`;
      if (!key) return { index, field, problem: NOTHING_TO_MATCH };
      const owner = names.get(key);
      if (owner && owner.serial !== entry.serial)
        return {
          index,
          field,
          problem: `alias “${alias}” collides with “${owner.text}” of entry ${owner.serial}`,
        };
      if (!owner) names.set(key, { serial: entry.serial, text: alias });
    }
  return undefined;
}

/** Whether a YYYY-MM-DD date exists (2022-02-30 does not). */
export function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
