// Every erratum quotes the notice verbatim, so a reader can find each one with a plain text search.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNotice } from '../test/node/official-notice';

interface Erratum {
  id: string;
  kind: string;
  where: string[];
  printed: string[];
  note: string;
}

const notice = readNotice();
const { errata } = JSON.parse(readFileSync(new URL('./errata.json', import.meta.url), 'utf8')) as {
  errata: Erratum[];
};

describe('data/errata.json', () => {
  it('lists errata with unique ids', () => {
    expect(errata.length).toBeGreaterThan(0);
    const ids = errata.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(errata.map((e) => [e.id, e] as const))('%s', (_id, erratum) => {
    it('says where and why', () => {
      expect(erratum.where.length).toBeGreaterThan(0);
      for (const where of erratum.where) expect(where.trim()).not.toBe('');
      expect(erratum.note.trim()).not.toBe('');
      expect(erratum.kind.trim()).not.toBe('');
    });

    it('quotes only text that occurs verbatim in the notice', () => {
      expect(erratum.printed.length).toBeGreaterThan(0);
      const missing = erratum.printed.filter((printed) => !printed.trim() || !notice.text.includes(printed));
      expect(missing).toEqual([]);
    });
  });
});
