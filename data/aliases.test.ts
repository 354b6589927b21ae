// Aliases and exclusions change what the matcher finds, so each one must be justified by the notice itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../src/text/normalize';
import type { DefinitionSetSource, SourceEntry } from '../src/definitions/types';
import { readNotice, stripQuotes } from '../test/node/official-notice';

const notice = readNotice();
const quoteFreeNotice = stripQuotes(notice.text);
const source = JSON.parse(
  readFileSync(new URL('./definition-set.json', import.meta.url), 'utf8'),
) as DefinitionSetSource;

/** Why an alias may name its entry, or undefined when nothing justifies it. */
function justification(entry: SourceEntry, alias: string): string | undefined {
  if (alias === stripQuotes(entry.term) && alias !== entry.term) return 'the quote-free spelling of the term';
  const parts = entry.term.split('+');
  if (parts.length > 1 && !/[“”]/.test(entry.term) && parts.includes(alias))
    return 'a part of a compound A+B term';
  if (quoteFreeNotice.includes(stripQuotes(alias))) return 'text of the notice';
  return undefined;
}

const withAliases = source.entries.filter((e) => e.aliases?.length);
const withExclusions = source.entries.filter((e) => e.exclusions?.length);

describe('aliases in data/definition-set.json', () => {
  it('exist (the shipped set has aliases to check)', () => {
    expect(withAliases.length).toBeGreaterThan(0);
  });

  describe.each(withAliases.map((e) => [e.serial, e.term, e] as const))(
    'entry %i (%s)',
    (_serial, _term, entry) => {
      it.each((entry.aliases ?? []).map((a) => [a.text, a] as const))(
        'alias “%s” is justified',
        (_text, alias) => {
          expect(
            justification(entry, alias.text),
            `alias “${alias.text}” of entry ${entry.serial}`,
          ).toBeDefined();
          expect(alias.reason.trim()).not.toBe('');
        },
      );

      it('has aliases that occur in the notice once quotes are stripped', () => {
        const missing = (entry.aliases ?? [])
          .map((a) => a.text)
          .filter((t) => !quoteFreeNotice.includes(stripQuotes(t)));
        expect(missing).toEqual([]);
      });

      it('has no alias twice', () => {
        const keys = (entry.aliases ?? []).map((a) => normalizeKey(a.text));
        expect(new Set(keys).size).toBe(keys.length);
      });
    },
  );

  it('accepts only the three kinds of justification', () => {
    const entry: SourceEntry = { serial: 1, term: '养老大脑+智慧养老', definition: ['…'], unit: '省民政厅' };
    expect(justification(entry, '养老大脑')).toBe('a part of a compound A+B term');
    expect(justification({ ...entry, term: '“总对总”服务' }, '总对总服务')).toBe(
      'the quote-free spelling of the term',
    );
    expect(justification(entry, '总对总服务')).toBe('text of the notice');
    expect(justification(entry, '智慧养老院')).toBeUndefined();
  });
});

describe('exclusions in data/definition-set.json', () => {
  describe.each(withExclusions.map((e) => [e.serial, e.term, e] as const))(
    'entry %i (%s)',
    (_serial, _term, entry) => {
      const names = [entry.term, ...(entry.aliases ?? []).map((a) => a.text)].map(normalizeKey);

      it.each((entry.exclusions ?? []).map((x) => [x.text, x] as const))(
        'exclusion “%s” is longer than a name of its entry and contains it',
        (_text, exclusion) => {
          const key = normalizeKey(exclusion.text);
          expect(names.some((name) => key.length > name.length && key.includes(name))).toBe(true);
          expect(exclusion.reason.trim()).not.toBe('');
        },
      );
    },
  );
});
