import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureTerms, getTermsConfig, resetTermsConfig, watchTermsConfig } from './config';
import { definitionSet } from './definitions/definition-set.generated';

describe('configureTerms', () => {
  afterEach(() => {
    resetTermsConfig();
    vi.restoreAllMocks();
  });

  it('defaults to zh-CN, no glossary link and the shipped set', () => {
    expect(getTermsConfig()).toEqual({ lang: 'zh-CN', glossaryUrl: undefined, set: definitionSet });
  });

  it('merges what is given and tells the watchers', () => {
    const watcher = vi.fn();
    const stop = watchTermsConfig(watcher);
    configureTerms({ lang: 'en-GB' });
    configureTerms({ glossaryUrl: '/glossary' });
    stop();
    configureTerms({ glossaryUrl: null });

    expect(watcher).toHaveBeenCalledTimes(2);
    expect(getTermsConfig()).toEqual({ lang: 'en', glossaryUrl: undefined, set: definitionSet });
  });

  it('refuses an unknown language and an unsafe URL with a warning, keeping the old values', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    configureTerms({ glossaryUrl: 'https://example.org/g' });
    configureTerms({ lang: 'fr', glossaryUrl: 'javascript:alert(1)' });

    expect(warn).toHaveBeenCalledTimes(2);
    expect(getTermsConfig()).toMatchObject({ lang: 'zh-CN', glossaryUrl: 'https://example.org/g' });
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(getTermsConfig())).toBe(true);
  });
});
