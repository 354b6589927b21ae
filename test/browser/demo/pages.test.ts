import { expect } from '@open-wc/testing';
import { frames, sleep, waitForValue } from '../helpers/timing';

// The demo pages as a visitor opens them, each in a 360 px wide frame (a small phone), served from demo/.
const PAGES = ['index', 'article', 'phone', 'department', 'glossary', 'playground', 'screenshot'] as const;

const opened: HTMLIFrameElement[] = [];

/** Loads /demo/<name>.html in a frame of the given size; resolves with its document once loaded. */
async function openPage(name: string, width = 360, height = 740): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block`;
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`demo/${name}.html did not load`)), {
      once: true,
    });
  });
  frame.src = `/demo/${name}.html`;
  document.body.append(frame);
  opened.push(frame);
  await loaded;
  return frame.contentDocument!;
}

describe('demo pages', function (this: { timeout(ms: number): void }) {
  this.timeout(60_000);
  afterEach(() => opened.splice(0).forEach((frame) => frame.remove()));

  for (const name of PAGES) {
    it(`${name}.html: a favicon link (no 404) and no sideways scrolling at 360 px`, async () => {
      const doc = await openPage(name);
      const icon = doc.querySelector<HTMLLinkElement>('link[rel~="icon"]');
      expect(icon, 'favicon link').to.not.equal(null);
      expect(icon!.getAttribute('href')).to.match(/^data:/);
      // Let scripts render (the playground fills its results; the glossary its list).
      await sleep(0);
      await frames(1);
      const root = doc.documentElement;
      expect(root.scrollWidth, `${name}.html is wider than the phone`).to.be.at.most(root.clientWidth);
    });
  }

  it('playground.html: the results grid fits 360 px once it shows output', async () => {
    const doc = await openPage('playground');
    const results = doc.querySelector<HTMLElement>('.results')!;
    expect(results).to.not.equal(null);
    await waitForValue(() => results.getBoundingClientRect().height > 0, 'the playground results');
    expect(results.getBoundingClientRect().right).to.be.at.most(doc.documentElement.clientWidth);
    expect(doc.documentElement.scrollWidth).to.be.at.most(doc.documentElement.clientWidth);
  });

  it('index.html: the drop-in script annotates the live text, and the page links every other demo page', async () => {
    const doc = await openPage('index', 1024, 800);
    const live = doc.getElementById('live')!;
    // The pass runs in slices: read the terms once it has finished, not when the first one shows.
    const win = doc.defaultView as Window;
    await waitForValue(() => Boolean(win.dszdTerm?.annotation), 'the live annotation');
    await win.dszdTerm!.annotation!.settled();
    const terms = [...live.querySelectorAll('dszd-term[data-dszd-auto]')].map((term) => term.textContent);
    expect(terms).to.include.members(['数字社会', '未来社区', '城市大脑', '浙里急救']);
    // Only the live text: the explanation around it is left alone.
    expect(doc.querySelectorAll('dszd-term[data-dszd-auto]').length).to.equal(terms.length);
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('main a')].map((a) => a.getAttribute('href'));
    expect(links).to.include.members([
      './article.html',
      './phone.html',
      './department.html',
      './glossary.html',
      './playground.html',
    ]);
    // The whole set lives on the glossary page, not here.
    expect(doc.querySelector('dszd-glossary, .definition-list')).to.equal(null);
  });

  it('screenshot.html: every term of the README picture is marked, 城市大脑 included', async () => {
    const doc = await openPage('screenshot', 1024, 600);
    const marked = [...doc.querySelectorAll('dszd-term')].map((term) => term.textContent);
    expect(marked).to.deep.equal(['数字社会', '未来社区', '未来乡村', '城市大脑', '数字乡村']);
  });

  it('department.html: the example set (data-set) is annotated beside the 6.0 set, its card names the example set', async () => {
    const doc = await openPage('department', 1024, 800);
    const win = doc.defaultView as Window;
    await waitForValue(() => Boolean(win.dszdTerm?.annotation), 'the annotation');
    await win.dszdTerm!.annotation!.settled();
    const terms = [...doc.querySelectorAll<HTMLElement & { entry?: { definition: string[] } }>('dszd-term')];
    expect(terms.map((term) => term.textContent)).to.deep.equal([
      '一网通办',
      '免证办',
      '帮办代办',
      '数字社会',
      '未来社区',
    ]);
    const own = terms[0]!;
    expect(own.entry?.definition[0]).to.match(/^【示例文字，非官方定义】/);
    own.click();
    // The card may already exist (made and rendered while the page was idle): wait until it shows this term.
    const part = (name: string) =>
      doc.querySelector('dszd-card')?.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
    await waitForValue(() => part('term-title')?.textContent?.trim() === '一网通办', 'the card of 一网通办');
    const card = part('source')!;
    expect(card.textContent).to.include('示例部门定义集（虚构示例，非官方数据）（0.1版）');
  });
});
