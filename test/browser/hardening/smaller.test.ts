import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { removeSharedCard } from '../../../src/card/card-host';
import { configureTerms, getTermsConfig, resetTermsConfig } from '../../../src/config/terms-config';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { findRange, wrappedTexts } from '../helpers/annotate';
import { cardPart, cardTerm, isCardOpen, resetPage, sharedCard } from '../helpers/card';
import { centreOfRange } from '../helpers/pointer';
import { frames, sleep, waitFor } from '../helpers/timing';
import { unmountAll } from '../helpers/dom';
import { warningsDuring } from '../helpers/console';

let annotation: Annotation | undefined;
afterEach(async () => {
  annotation?.remove();
  annotation = undefined;
  await resetPage();
  unmountAll();
});

describe('hardening: highlight mode with the body as root', () => {
  it('the first card stays open when the pointer moves on within the term (the card’s insertion is no rescan)', async () => {
    const div = document.createElement('div');
    div.innerHTML = '<p style="font-size:24px">这里讲城市大脑，没有名词的一长句话在这里结束。</p>';
    document.body.append(div);
    removeSharedCard();
    annotation = annotate(document.body, { mode: 'highlight', occurrence: 'all' });
    await annotation.done;
    const range = findRange('城市大脑');
    const [x, y] = centreOfRange(range);
    await sendMouse({ type: 'move', position: [x, y] });
    expect(await waitFor(isCardOpen), 'opens').to.equal(true);
    expect(cardTerm()).to.equal('城市大脑');
    // Small moves inside the term, with frames between them (the live batch of the card's insertion runs in one).
    for (const dx of [-3, 3, -6, 6]) {
      await sendMouse({ type: 'move', position: [x + dx, y] });
      await frames(1);
    }
    await sleep(700);
    expect(isCardOpen(), 'still open').to.equal(true);
  });
});

describe('hardening: annotate(host) on an element with an open shadow root', () => {
  function mountHost(): { host: HTMLDivElement; shadow: ShadowRoot } {
    const host = document.createElement('div');
    host.innerHTML = '<p>未来社区</p>';
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>推进数字社会建设</p><slot></slot>';
    const wrapper = document.createElement('div');
    wrapper.append(host);
    document.body.append(wrapper);
    return { host, shadow };
  }

  it('walks the host’s own shadow root, watches it, and remove() takes its wrappers out', async () => {
    const { host, shadow } = mountHost();
    annotation = annotate(host, { occurrence: 'all', observe: true });
    await annotation.done;
    expect(wrappedTexts(shadow)).to.deep.equal(['数字社会']);
    expect(wrappedTexts(host)).to.deep.equal(['未来社区']);
    shadow.querySelector('p')!.append('和城市大脑');
    await waitFor(() => wrappedTexts(shadow).length === 2);
    expect(wrappedTexts(shadow)).to.deep.equal(['数字社会', '城市大脑']);
    annotation.remove();
    expect(shadow.innerHTML).to.equal('<p>推进数字社会建设和城市大脑</p><slot></slot>');
    // The page's two text nodes (its own and the one it appended), merged back exactly.
    expect(shadow.querySelector('p')!.childNodes).to.have.length(2);
  });

  it('leaves it alone with shadow: false', async () => {
    const { host, shadow } = mountHost();
    annotation = annotate(host, { occurrence: 'all', shadow: false });
    await annotation.done;
    expect(wrappedTexts(shadow)).to.deep.equal([]);
    expect(wrappedTexts(host)).to.deep.equal(['未来社区']);
  });
});

describe('hardening: configureTerms reaches an open card', () => {
  afterEach(() => resetTermsConfig());

  it('glossaryUrl: null takes the link out of the open card; a new URL puts it back', async () => {
    configureTerms({ glossaryUrl: '/glossary.html' });
    const div = document.createElement('div');
    div.innerHTML = '<p><dszd-term>未来社区</dszd-term></p>';
    document.body.append(div);
    await div.querySelector<DszdTerm>('dszd-term')!.show();
    expect(isCardOpen()).to.equal(true);
    const link = () => cardPart('glossary-link') as HTMLAnchorElement | null;
    expect(link()?.href).to.equal(new URL('/glossary.html#dszd-entry-6', location.href).href);
    configureTerms({ glossaryUrl: null });
    await sharedCard().updateComplete;
    expect(link()?.href ?? null).to.equal(null);
    expect(isCardOpen()).to.equal(true);
    configureTerms({ glossaryUrl: '/g/' });
    await sharedCard().updateComplete;
    expect(link()?.href).to.equal(new URL('/g/#dszd-entry-6', location.href).href);
  });

  it('a protocol-relative or backslash glossary URL to another site is refused and reported', async () => {
    const warnings = await warningsDuring(() => {
      configureTerms({ glossaryUrl: '//evil.example/g' });
      configureTerms({ glossaryUrl: '/\\evil.example/g' });
    });
    expect(warnings).to.have.length(2);
    expect(getTermsConfig().glossaryUrl).to.equal(undefined);
    configureTerms({ glossaryUrl: `//${location.host}/g.html` });
    expect(getTermsConfig().glossaryUrl).to.equal(`//${location.host}/g.html`);
  });
});
