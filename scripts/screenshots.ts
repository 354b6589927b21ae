// `npm run screenshots`: PNGs of the open card for the README (light and dark; 1280 px desktop, 360 px phone).
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

const shots = [
  { name: 'card-light-desktop', scheme: 'light', width: 1280, height: 800, scale: 1, mobile: false },
  { name: 'card-dark-desktop', scheme: 'dark', width: 1280, height: 800, scale: 1, mobile: false },
  { name: 'card-light-phone', scheme: 'light', width: 360, height: 740, scale: 2, mobile: true },
  { name: 'card-dark-phone', scheme: 'dark', width: 360, height: 740, scale: 2, mobile: true },
  // A related-term step: 养老大脑's card, then 城市大脑 (named in its definition) shown in the same card, with 返回.
  { name: 'card-related-phone', scheme: 'light', width: 360, height: 740, scale: 2, mobile: true, related: true },
] as const;

mkdirSync(outDir, { recursive: true });
const server = await createServer({
  configFile: false,
  root,
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 0, strictPort: false },
});
await server.listen();
const { port } = server.httpServer!.address() as AddressInfo;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (const shot of shots) {
    const page = await browser.newPage();
    await page.setViewport({
      width: shot.width,
      height: shot.height,
      deviceScaleFactor: shot.scale,
      isMobile: shot.mobile,
      hasTouch: shot.mobile,
    });
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: shot.scheme },
      // No fade: the picture is the settled card.
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    await page.goto(`http://127.0.0.1:${port}/demo/screenshot.html`, { waitUntil: 'networkidle0' });
    await page.evaluate(async (related: boolean) => {
      await customElements.whenDefined('dszd-term');
      let term = document.getElementById('shot') as HTMLElement & { show(): Promise<void> };
      if (related) {
        const elderly = document.createElement('dszd-term') as typeof term;
        elderly.textContent = '养老大脑';
        term.after('，', elderly);
        term = elderly;
      }
      await term.show();
      if (related) {
        const card = document.querySelector('dszd-card')!;
        await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        const link = [...card.shadowRoot!.querySelectorAll<HTMLElement>('[part~="related-link"]')].find(
          (button) => button.textContent === '城市大脑',
        );
        if (!link) throw new Error('screenshots: no related link to 城市大脑 in the card of 养老大脑');
        link.click();
        await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      }
      // Noto Sans SC from @fontsource/noto-sans-sc (linked by the page), as in the layout tests: every subset the
      // page and the open card draw, loaded before the picture, whatever fonts the machine has.
      const card = document.querySelector('dszd-card');
      const text = document.body.innerText + (card?.shadowRoot?.textContent ?? '');
      const faces = await document.fonts.load("400 18px 'Noto Sans SC'", text);
      if (!faces.length) throw new Error('the Noto Sans SC web font did not load');
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }, 'related' in shot);
    const path = `${outDir}${shot.name}.png`;
    await page.screenshot({ path });
    console.log(`screenshots: wrote docs/screenshots/${shot.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
