import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGlossaryLink } from './glossary-link';
import { ENTRY_ID_PREFIX, getEntryAnchorId, readHashSerial } from './entry-anchor';

describe('entry anchors: the one contract between the card link and the glossary page', () => {
  it('names an entry dszd-entry-<serial>', () => {
    expect(ENTRY_ID_PREFIX).toBe('dszd-entry-');
    expect(getEntryAnchorId(23)).toBe('dszd-entry-23');
  });

  it('reads back the serial of every link the card builds', () => {
    fc.assert(
      fc.property(fc.nat(), (serial) => {
        const link = buildGlossaryLink('/glossary.html', serial, 'https://example.org/news/a.html')!;
        expect(readHashSerial(new URL(link).hash)).toBe(serial);
        expect(readHashSerial(getEntryAnchorId(serial))).toBe(serial);
      }),
    );
  });

  it('reads nothing from other fragments', () => {
    for (const hash of [
      '',
      '#',
      '#dszd-entry-',
      '#dszd-entry-1x',
      '#entry-1',
      '#dszd-entry--1',
      '#xdszd-entry-1',
    ])
      expect(readHashSerial(hash), hash).toBeUndefined();
  });
});
