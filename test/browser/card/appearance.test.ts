import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { configureTerms } from '../../../src/config/terms-config';
import type { DefinitionSet } from '../../../src/definitions/types';
import { cardPart, isCardOpen, resetPage, surfaceOf } from '../helpers/card';
import { warningsDuring } from '../helpers/console';

async function openCardFor(markup: ReturnType<typeof html>): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(markup);
  await el.querySelector('dszd-term')!.show();
  expect(isCardOpen()).to.equal(true);
  return el;
}

function text(part: string): string {
  return (cardPart(part)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('card content and appearance', () => {
  afterEach(async () => {
    await resetPage();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await setViewport({ width: 800, height: 600 });
    document.getElementById('hostile')?.remove();
    document.getElementById('theme')?.remove();
  });

  it('shows term, definition, notes, unit and the source line (zh-CN labels by default)', async () => {
    await openCardFor(html`<p><dszd-term>数字社会</dszd-term></p>`);

    expect(text('term-title')).to.equal('数字社会');
    expect(text('definition')).to.match(/^定义：数字社会是指为了满足群众高品质生活需求/);
    expect(text('notes')).to.match(/^（注：包括幼有所育、学有所教/);
    expect(cardPart('notes')!.getAttribute('aria-label')).to.equal('注');
    expect(text('unit')).to.equal('解释单位：省发展改革委 全称 浙江省发展和改革委员会');
    expect(text('source')).to.equal('来源：数字社会定义集（6.0版） · 浙江省发展和改革委员会 · 2022-04-12');
    expect(cardPart('close-button')!.getAttribute('aria-label')).to.equal('关闭');
    expect(cardPart('glossary-link')).to.equal(null);
  });

  it('English labels through lang="en", the definitions still as printed and marked zh-CN', async () => {
    await openCardFor(html`<p><dszd-term lang="en">未来社区</dszd-term></p>`);

    expect(text('unit')).to.equal('Responsible unit: 省发展改革委 Full name 浙江省发展和改革委员会');
    expect(text('source')).to.equal('Source: 数字社会定义集（6.0版） · 浙江省发展和改革委员会 · 2022-04-12');
    expect(text('definition')).to.match(/^Definition: 以满足人民美好生活向往为中心/);
    expect(cardPart('notes')!.getAttribute('aria-label')).to.equal('Notes');
    expect(cardPart('close-button')!.getAttribute('aria-label')).to.equal('Close');
    expect(surfaceOf().getAttribute('lang')).to.equal('en');
    expect(cardPart('definition')!.querySelector('p')!.getAttribute('lang')).to.equal('zh-CN');
  });

  it('English labels page-wide through configureTerms({ lang: "en" })', async () => {
    configureTerms({ lang: 'en' });
    await openCardFor(html`<p><dszd-term>城市大脑</dszd-term></p>`);

    expect(text('unit')).to.equal('Responsible unit: 省大数据局 Full name 浙江省大数据发展管理局');
  });

  it('links to the entry on the configured glossary page', async () => {
    configureTerms({ glossaryUrl: '/glossary.html' });
    await openCardFor(html`<p><dszd-term>未来社区</dszd-term></p>`);

    const link = cardPart('glossary-link') as HTMLAnchorElement;
    expect(link.textContent).to.equal('在术语表中查看');
    expect(link.href).to.equal(new URL('/glossary.html#dszd-entry-6', location.href).href);
  });

  it('refuses a javascript: glossary URL', async () => {
    const warnings = await warningsDuring(() => configureTerms({ glossaryUrl: ' java\tscript:alert(1)' }));
    await openCardFor(html`<p><dszd-term>未来社区</dszd-term></p>`);

    expect(cardPart('glossary-link')).to.equal(null);
    expect(warnings).to.have.length(1);
  });

  it('renders every field as text, never as HTML', async () => {
    const attack = '<img src=x onerror="window.__dszdPwned=1">';
    const set: DefinitionSet = {
      title: `标题${attack}`,
      version: '1',
      issuer: `<b>单位</b>`,
      date: '2024-01-01',
      entries: [
        {
          serial: 7,
          term: `术语<i>x</i>`,
          aliases: ['测试术语'],
          definition: [`定义${attack}`],
          notes: [`注${attack}`],
          unit: `<script>1</script>`,
        },
      ],
    };
    await openCardFor(html`<p><dszd-term term="测试术语" .set=${set}>测试术语</dszd-term></p>`);

    expect(text('term-title')).to.equal('术语<i>x</i>');
    expect(text('definition')).to.equal(`定义：定义${attack}`);
    expect(text('notes')).to.equal(`注${attack}`);
    expect(text('unit')).to.equal('解释单位：<script>1</script>');
    expect(text('source')).to.equal(`来源：标题${attack}（1版） · <b>单位</b> · 2024-01-01`);
    expect(surfaceOf().querySelectorAll('img, i, b, script')).to.have.length(0);
    expect((window as { __dszdPwned?: number }).__dszdPwned).to.equal(undefined);
  });

  it('light by default, dark under prefers-color-scheme: dark', async () => {
    await openCardFor(html`<p><dszd-term>城市大脑</dszd-term></p>`);
    expect(getComputedStyle(surfaceOf()).backgroundColor).to.equal('rgb(255, 255, 255)');

    await emulateMedia({ colorScheme: 'dark' });

    expect(getComputedStyle(surfaceOf()).backgroundColor).to.equal('rgb(31, 33, 36)');
    expect(getComputedStyle(surfaceOf()).color).to.equal('rgb(232, 234, 237)');
  });

  it('fades in, except under prefers-reduced-motion: reduce', async () => {
    await openCardFor(html`<p><dszd-term>城市大脑</dszd-term></p>`);
    expect(getComputedStyle(surfaceOf()).animationName).to.equal('dszd-card-fade');

    await emulateMedia({ reducedMotion: 'reduce' });

    expect(getComputedStyle(surfaceOf()).animationName).to.equal('none');
  });

  it('is themed through --dszd-* custom properties and ::part()', async () => {
    const theme = Object.assign(document.createElement('style'), {
      id: 'theme',
      textContent: `:root { --dszd-card-background: rgb(1, 2, 3); --dszd-card-font-size: 20px; --dszd-card-radius: 3px; }
        dszd-card::part(term-title) { color: rgb(4, 5, 6); }
        dszd-term::part(term) { text-decoration-color: rgb(7, 8, 9); }`,
    });
    document.head.append(theme);
    const el = await openCardFor(html`<p><dszd-term>城市大脑</dszd-term></p>`);

    const style = getComputedStyle(surfaceOf());
    expect(style.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(style.fontSize).to.equal('20px');
    expect(style.borderTopLeftRadius).to.equal('3px');
    expect(getComputedStyle(cardPart('term-title')!).color).to.equal('rgb(4, 5, 6)');
    const termPart = el.querySelector('dszd-term')!.shadowRoot!.querySelector('[part~="term"]')!;
    expect(getComputedStyle(termPart).textDecorationColor).to.equal('rgb(7, 8, 9)');
  });

  it('hostile host CSS neither breaks the card nor leaks in', async () => {
    const hostile = Object.assign(document.createElement('style'), {
      id: 'hostile',
      textContent: `html { font-size: 10px !important; }
        * { position: static !important; margin: 13px !important; padding: 17px !important; color: rgb(255, 0, 0) !important;
            background: rgb(255, 255, 0) !important; font-size: 31px !important; line-height: 1 !important;
            border: 5px solid rgb(255, 0, 0) !important; box-sizing: content-box !important; z-index: -1 !important;
            max-width: 10px !important; max-height: 10px !important; overflow: hidden !important;
            font-family: serif !important; text-decoration: line-through !important; opacity: 0.5 !important; }
        div, span, p, button, a, dszd-card { display: none !important; }
        dszd-term { display: block !important; }`,
    });
    document.head.append(hostile);
    await setViewport({ width: 360, height: 740 });
    const el = await openCardFor(html`<section><dszd-term>数字乡村</dszd-term></section>`);

    const surface = surfaceOf();
    for (const animation of surface.getAnimations()) animation.finish();
    const style = getComputedStyle(surface);
    expect(style.position).to.equal('fixed');
    expect(style.display).to.equal('flex');
    expect(style.fontSize).to.equal('17px');
    expect(style.color).to.equal('rgb(31, 35, 40)');
    expect(style.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(style.opacity).to.equal('1');
    expect(getComputedStyle(cardPart('term-title')!).display).to.not.equal('none');
    expect(getComputedStyle(cardPart('definition')!.querySelector('p')!).fontSize).to.equal('17px');
    const rect = surface.getBoundingClientRect();
    expect(rect.left).to.be.at.least(0);
    expect(rect.right).to.be.at.most(innerWidth);
    expect(rect.bottom).to.be.at.most(innerHeight);
    expect(rect.width).to.be.greaterThan(200);
    // The term stays inline in its line and keeps its own underline.
    const term = el.querySelector('dszd-term')!;
    expect(getComputedStyle(term).display).to.equal('inline');
    const termPart = term.shadowRoot!.querySelector('[part~="term"]')!;
    expect(getComputedStyle(termPart).textDecorationLine).to.equal('underline');
    expect(getComputedStyle(termPart).textDecorationStyle).to.equal('dotted');
  });

  it('nothing leaks out: the card and the term add no styles to the page', async () => {
    const el = await openCardFor(
      html`<div>
        <p id="neighbour">邻居<span>文字</span></p>
        <dszd-term>城市大脑</dszd-term>
      </div>`,
    );
    const neighbour = el.querySelector('#neighbour span')!;
    const reference = document.createElement('span');
    document.body.append(reference);
    try {
      for (const property of [
        'color',
        'font-size',
        'text-decoration-line',
        'background-color',
        'line-height',
      ])
        expect(getComputedStyle(neighbour).getPropertyValue(property), property).to.equal(
          getComputedStyle(reference).getPropertyValue(property),
        );
      expect(document.adoptedStyleSheets).to.have.length(0);
      expect(
        [...document.querySelectorAll('style')].filter((s) => /dszd/.test(s.textContent ?? '')),
      ).to.have.length(0);
    } finally {
      reference.remove();
    }
  });

  it('fits a 360 px phone', async () => {
    await setViewport({ width: 360, height: 740 });
    await openCardFor(html`<p style="margin: 100px 8px"><dszd-term>数字健康新服务</dszd-term></p>`);

    const rect = surfaceOf().getBoundingClientRect();
    expect(rect.width).to.be.at.most(360 - 16);
    expect(rect.left).to.be.at.least(8);
    expect(rect.right).to.be.at.most(360 - 8);
    expect(parseFloat(getComputedStyle(cardPart('definition')!.querySelector('p')!).fontSize)).to.be.at.least(
      16,
    );
  });

  it('a long card on a short phone screen scrolls inside, with a shadow at the cut edge that says so', async () => {
    await setViewport({ width: 360, height: 420 });
    await openCardFor(html`<p style="margin: 20px 8px"><dszd-term>数字健康新服务</dszd-term></p>`);

    const body = cardPart('body')!;
    expect(body.scrollHeight, 'the definition is cut').to.be.greaterThan(body.clientHeight);
    expect(surfaceOf().getBoundingClientRect().bottom).to.be.at.most(420);
    const style = getComputedStyle(body);
    // two covers that scroll with the text, over two edge shadows that stay at the edges
    expect(style.backgroundAttachment).to.equal('local, local, scroll, scroll');
    expect(style.backgroundImage.match(/radial-gradient/g)).to.have.length(2);
  });
});
