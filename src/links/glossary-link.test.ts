import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGlossaryLink, isSafeLinkUrl } from './glossary-link';

const BASE = 'https://example.org/news/item.html';

describe('isSafeLinkUrl', () => {
  it('accepts http(s) and relative URLs', () => {
    for (const url of [
      'https://example.org/glossary',
      'http://example.org/g',
      '/glossary.html',
      'glossary.html',
      '../g#x',
      '?q=1',
      '//example.org/g',
      'HTTPS://other.example/g',
    ])
      expect(isSafeLinkUrl(url, BASE), url).toBe(true);
  });

  it('judges relative-looking URLs by where the URL parser really sends them: off-site ones are refused', () => {
    const cases: Array<[string, boolean]> = [
      ['//evil.example', false],
      ['//evil.example/g', false],
      ['/\\evil.example', false],
      ['\\\\evil.example/g', false],
      ['\\/evil.example', false],
      [' //evil.example', false],
      ['/\t/evil.example', false],
      ['//example.org:8443/g', false],
      ['//example.org/g', true],
      ['/\\example.org/g', true],
      ['/glossary', true],
      ['https://evil.example/g', true],
    ];
    expect(cases.map(([url]) => [url, isSafeLinkUrl(url, BASE)])).toEqual(cases);
  });

  it('refuses other schemes, also disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      '\u0001javascript:x',
      'data:text/html,<b>',
      'vbscript:x',
      'ftp://example.org/',
      '',
    ])
      expect(isSafeLinkUrl(url, BASE), JSON.stringify(url)).toBe(false);
  });

  it('relative URLs on a file: page stay local; absolute file: URLs do not pass', () => {
    expect(isSafeLinkUrl('glossary.html', 'file:///site/index.html')).toBe(true);
    expect(isSafeLinkUrl('file:///etc/passwd', 'file:///site/index.html')).toBe(false);
  });

  it('refuses every disguise of a dangerous scheme: case, tabs and new lines inside, controls in front (property)', () => {
    const scheme = fc.constantFrom('javascript', 'data', 'vbscript', 'blob', 'file', 'about');
    const cut = fc.record({ at: fc.nat(12), char: fc.constantFrom('\t', '\n', '\r') });
    const lead = fc.array(
      fc.integer({ min: 0, max: 0x20 }).map((code) => String.fromCharCode(code)),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(
        scheme,
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        fc.array(cut, { maxLength: 3 }),
        lead,
        fc.string(),
        (name, upper, cuts, front, rest) => {
          let word = [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
          for (const { at, char } of cuts) word = word.slice(0, at) + char + word.slice(at);
          expect(isSafeLinkUrl(`${front.join('')}${word}:${rest}`, BASE)).toBe(false);
        },
      ),
    );
  });
});

describe('buildGlossaryLink', () => {
  it('points at the entry id on the glossary page, replacing any fragment', () => {
    expect(buildGlossaryLink('/glossary.html', 6, BASE)).toBe(
      'https://example.org/glossary.html#dszd-entry-6',
    );
    expect(buildGlossaryLink('https://gov.example/g?x=1#top', 12, BASE)).toBe(
      'https://gov.example/g?x=1#dszd-entry-12',
    );
  });

  it('is undefined without a URL or with an unsafe one', () => {
    expect(buildGlossaryLink(undefined, 1, BASE)).toBeUndefined();
    expect(buildGlossaryLink('javascript:alert(1)', 1, BASE)).toBeUndefined();
  });
});
