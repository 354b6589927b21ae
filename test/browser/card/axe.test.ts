import 'axe-core';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { configureTerms } from '../../../src/config/terms-config';
import { expectNoViolations } from '../helpers/assert';
import { resetPage, sharedCard, surfaceOf } from '../helpers/card';
import { warningsDuring } from '../helpers/console';

async function page(): Promise<HTMLElement> {
  return fixture<HTMLElement>(
    html`<main>
      <h1>数字社会</h1>
      <p>
        推进<dszd-term>数字社会</dszd-term>建设，打造<dszd-term term="未来社区">未来社区</dszd-term
        >与<dszd-term term="数字社会" data-dszd-match="a1">城市</dszd-term
        ><b><dszd-term term="城市大脑" data-dszd-match="a1">大脑</dszd-term></b
        >。
        <dszd-term term="没有这个术语">没有这个术语</dszd-term>
      </p>
    </main>`,
  );
}

describe('accessibility (axe-core)', () => {
  // The runner's own page has neither: give it what any real page has, so only our markup is judged.
  let title = '';
  before(() => {
    title = document.title;
    document.title = '数字社会定义集';
    document.documentElement.lang = 'zh-CN';
  });
  after(() => {
    document.title = title;
    document.documentElement.removeAttribute('lang');
  });

  afterEach(async () => {
    await resetPage();
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });

  it('a page with terms has no violations', async () => {
    await warningsDuring(page);
    await expectNoViolations();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`an open card (with notes and a glossary link, ${scheme}) has no violations`, async () => {
      await emulateMedia({ colorScheme: scheme });
      configureTerms({ glossaryUrl: '/glossary.html' });
      const el = await page();
      await el.querySelector('dszd-term')!.show();
      for (const animation of surfaceOf().getAnimations()) animation.finish();
      expect(sharedCard().open).to.equal(true);

      await expectNoViolations();
    });
  }

  it('an open card with a scrolling body on a phone, in English, has no violations', async () => {
    await setViewport({ width: 360, height: 500 });
    const el = await page();
    const term = el.querySelector('dszd-term')!;
    term.setAttribute('lang', 'en');
    await term.show();
    for (const animation of surfaceOf().getAnimations()) animation.finish();

    await expectNoViolations();
  });
});
