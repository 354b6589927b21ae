import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  configureTerms,
  getTermsConfig,
  resetTermsConfig,
  watchTermsConfig,
  type TermsConfigOptions,
} from './terms-config';
import { definitionSet } from '../definitions/definition-set.generated';
import type { DefinitionSet } from '../definitions/types';
import { findEntry } from '../match/find-terms';
import type { DszdErrorEvent } from '../events/error-event';
import { makeSet } from '../../test/make-set';

describe('configureTerms', () => {
  afterEach(() => {
    resetTermsConfig();
    vi.restoreAllMocks();
  });

  it('defaults to zh-CN, no glossary link and the shipped set', () => {
    expect(getTermsConfig()).toEqual({
      lang: 'zh-CN',
      glossaryUrl: undefined,
      sets: [],
      shipped: true,
      set: definitionSet,
    });
  });

  it('merges what is given and tells the watchers', () => {
    const watcher = vi.fn();
    const stop = watchTermsConfig(watcher);
    configureTerms({ lang: 'en-GB' });
    configureTerms({ glossaryUrl: '/glossary' });
    stop();
    configureTerms({ glossaryUrl: null });

    expect(watcher).toHaveBeenCalledTimes(2);
    expect(getTermsConfig()).toMatchObject({ lang: 'en', glossaryUrl: undefined, set: definitionSet });
  });

  it('refuses an unknown language and an unsafe URL with a warning, keeping the old values', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    configureTerms({ glossaryUrl: 'https://example.org/g' });
    configureTerms({ lang: 'fr', glossaryUrl: 'javascript:alert(1)' });

    expect(warn).toHaveBeenCalledTimes(2);
    expect(getTermsConfig()).toMatchObject({ lang: 'zh-CN', glossaryUrl: 'https://example.org/g' });
  });

  it('never throws on values of the wrong type: each bad option is reported once, naming it, and ignored', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const page = Object.assign(new EventTarget(), { baseURI: 'http://localhost/page' });
    vi.stubGlobal('document', page);
    const reported: DszdErrorEvent[] = [];
    page.addEventListener('dszd-error', (event) => reported.push(event as DszdErrorEvent));
    try {
      configureTerms({ glossaryUrl: '/glossary' });
      expect(() => configureTerms(null as unknown as TermsConfigOptions)).not.toThrow();
      expect(() => configureTerms('en' as unknown as TermsConfigOptions)).not.toThrow();
      expect(() => configureTerms({ lang: 5 } as unknown as TermsConfigOptions)).not.toThrow();
      expect(() => configureTerms({ lang: 'fr', glossaryUrl: 'javascript:alert(1)' })).not.toThrow();
      expect(() =>
        configureTerms({ glossaryUrl: 7, set: {} } as unknown as TermsConfigOptions),
      ).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }

    expect(reported.map((event) => [event.context, (event.error as Error).message])).toEqual([
      ['configureTerms', 'options must be an object, got string'],
      ['configureTerms', 'option "lang" must be a language tag such as "zh-CN" or "en", got 5'],
      ['configureTerms', 'option "lang" must be a zh or en language tag, got "fr"'],
      [
        'configureTerms',
        'option "glossaryUrl" must be an http(s) URL or a relative URL on this site, got "javascript:alert(1)"',
      ],
      ['configureTerms', 'option "glossaryUrl" must be a URL string, a URL or null, got number'],
      ['configureTerms', 'option "set" must be a compiled definition set (with an "entries" array)'],
    ]);
    expect(warn).toHaveBeenCalledTimes(6);
    expect(getTermsConfig()).toMatchObject({ lang: 'zh-CN', glossaryUrl: '/glossary', set: definitionSet });
  });

  it('takes a URL object as its address', () => {
    configureTerms({ glossaryUrl: new URL('https://example.org/glossary?x=1') });
    expect(getTermsConfig().glossaryUrl).toBe('https://example.org/glossary?x=1');
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(getTermsConfig())).toBe(true);
  });

  it('is shared by every copy of the module on a page (the drop-in and glossary scripts each bundle one)', async () => {
    // A second instance of the module, as a second bundle on the same page would have.
    const secondCopy = './terms-config?second-bundle'; // a query makes the module loader evaluate the file again
    const other = (await import(/* @vite-ignore */ secondCopy)) as typeof import('./terms-config');
    expect(other.configureTerms).not.toBe(configureTerms);
    let heard = 0;
    const stop = watchTermsConfig(() => heard++);
    try {
      other.configureTerms({ lang: 'en', glossaryUrl: '/shared-glossary' });
      expect(getTermsConfig().lang).toBe('en');
      expect(getTermsConfig().glossaryUrl).toBe('/shared-glossary');
      expect(heard).toBe(1);
      configureTerms({ lang: 'zh-CN' });
      expect(other.getTermsConfig().lang).toBe('zh-CN');
    } finally {
      stop();
    }
  });

  describe('sets', () => {
    it('takes checked sets before the shipped one, applies them when the promise resolves, and tells the watchers', async () => {
      const watcher = vi.fn();
      const stop = watchTermsConfig(watcher);
      const a = makeSet('甲', ['一网通办', '免证办']);
      const b = makeSet('乙', ['一网通办', '掌上办']);
      const pending = configureTerms({ sets: [a, b] });
      expect(getTermsConfig().set).toBe(definitionSet);
      await pending;
      stop();
      const { set, sets } = getTermsConfig();
      expect(sets.map((one) => one.title)).toEqual(['甲', '乙']);
      expect(watcher).toHaveBeenCalledTimes(2);
      // the shared name is the first set's; the shipped entries keep their serials and objects
      expect(findEntry('一网通办', set)?.definition).toEqual(['甲：一网通办']);
      expect(findEntry('掌上办', set)?.definition).toEqual(['乙：掌上办']);
      expect(findEntry('数字社会', set)).toBe(definitionSet.entries[0]);
      expect(set.entries).toHaveLength(definitionSet.entries.length + 4);
    });

    it('shipped: false leaves the shipped set out, but a page whose sets all failed keeps it', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const a = makeSet('甲', ['一网通办']);
      await configureTerms({ sets: [a], shipped: false });
      expect(findEntry('数字社会', getTermsConfig().set)).toBeUndefined();
      expect(getTermsConfig().set.entries).toHaveLength(1);
      await configureTerms({ sets: [{ title: '坏' }] as unknown as DefinitionSet[] });
      expect(getTermsConfig().sets).toEqual([]);
      expect(getTermsConfig().set).toBe(definitionSet);
    });

    it('reports each bad set once, naming its place and field, and keeps the good ones', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const good = makeSet('甲', ['一网通办']);
      const bad = makeSet('乙', ['掌上办']);
      (bad.entries[0] as unknown as { unit: number }).unit = 7;
      // no network: the page's server answers 404
      vi.stubGlobal('fetch', () => Promise.resolve(new Response('gone', { status: 404 })));
      await configureTerms({ sets: [good, bad, 'nothing' as unknown as DefinitionSet] });
      expect(warn.mock.calls.map(([, error]) => (error as Error).message)).toEqual([
        'sets[1].entries[0].unit: expected a string, got 7',
        'sets[2]: could not fetch: HTTP 404 (http://localhost/nothing)',
      ]);
      vi.unstubAllGlobals();
      expect(getTermsConfig().sets.map((one) => one.title)).toEqual(['甲']);
    });

    it('refuses sets that are not a list and a shipped that is not a boolean, once each, changing nothing', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      await configureTerms({ sets: '/a.json', shipped: 'no' } as unknown as TermsConfigOptions);
      expect(warn.mock.calls.map(([, error]) => (error as Error).message)).toEqual([
        'option "shipped" must be true or false, got no',
        'option "sets" must be an array of compiled sets or URLs, got string',
      ]);
      expect(getTermsConfig()).toMatchObject({ sets: [], shipped: true, set: definitionSet });
    });

    it('a later change wins over sets still being read; [] removes them', async () => {
      const first = configureTerms({ sets: [makeSet('甲', ['一网通办'])] });
      await configureTerms({ sets: [makeSet('乙', ['掌上办'])] });
      await first;
      expect(getTermsConfig().sets.map((one) => one.title)).toEqual(['乙']);
      await configureTerms({ sets: [] });
      expect(getTermsConfig().set).toBe(definitionSet);
    });

    it('set takes the shipped set’s place, at once', () => {
      const own = makeSet('甲', ['一网通办']);
      configureTerms({ set: own });
      expect(getTermsConfig().set).toBe(own);
    });
  });
});
