// `npm run bench:phone`: the article demo page with only the built drop-in script, in Chromium at 4× CPU slowdown
// (roughly a mid-range Android phone), served by a loopback server this script starts (gzip, like a real site).
// Reports, per run and as medians: the longest main-thread task from navigation to an open card (a tap on a term),
// the time from DOMContentLoaded to the first <dszd-term>, the tap-to-card time and the bytes of each stage fetched.
// A benchmark, not a test: nothing here is part of `npm test`. Usage: npm run build && npm run bench:phone [-- runs]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 5);
const CPU_SLOWDOWN = 4;
const TYPES = {
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

if (!existsSync(join(root, 'dist', 'dszd-term.iife.js'))) {
  console.error('bench:phone: dist/dszd-term.iife.js is missing; run `npm run build` first.');
  process.exit(1);
}

/** demo/article.html with its module script replaced by the one tag a site writes, same data attributes. */
function articleWithDropIn() {
  const html = readFileSync(join(root, 'demo', 'article.html'), 'utf8');
  const replaced = html.replace(
    /<script\s+type="module"\s+src="[^"]*auto\.ts"([^>]*)><\/script>/,
    (_m, attributes) =>
      `<script src="/dist/dszd-term.iife.js" defer${attributes.replace(/\s+/g, ' ').trimEnd()}></script>`,
  );
  if (replaced === html)
    throw new Error('bench:phone: demo/article.html no longer has its auto.ts script tag');
  return replaced;
}

function startServer() {
  const article = articleWithDropIn();
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    let body;
    if (path === '/demo/article.html') body = Buffer.from(article);
    else if ((path.startsWith('/demo/') || path.startsWith('/dist/')) && existsSync(join(root, path)))
      body = readFileSync(join(root, path));
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    response.writeHead(200, {
      'content-type': `${TYPES[extname(path)] ?? 'application/octet-stream'}; charset=utf-8`,
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(gzip ? gzipSync(body, { level: 9 }) : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** In the page before any script: long tasks, DOMContentLoaded and the first term, on the page's own clock. */
function recordInPage() {
  const marks = { longTasks: [], domContentLoaded: 0, firstTerm: 0 };
  window.__bench = marks;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the trace still has every task
  }
  document.addEventListener('DOMContentLoaded', () => (marks.domContentLoaded = performance.now()), {
    once: true,
  });
  new MutationObserver((_records, observer) => {
    if (!document.querySelector('dszd-term')) return;
    marks.firstTerm = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Top-level tasks of the page's main thread in a trace: duration in ms and what took most of it (the longest event
 * inside, with the script URL where there is one).
 */
function mainThreadTasks(trace) {
  const events = JSON.parse(Buffer.from(trace).toString('utf8')).traceEvents;
  const mains = events.filter(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  // the page's renderer is the one that ran our script
  const ran = (main) =>
    events.some(
      (event) =>
        event.pid === main.pid &&
        event.tid === main.tid &&
        JSON.stringify(event.args ?? {}).includes('dszd-term'),
    );
  const main = mains.find(ran);
  if (!main) return [];
  const own = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X');
  return own
    .filter((event) => event.name === 'RunTask')
    .map((task) => {
      const end = task.ts + task.dur;
      const inside = own.filter(
        (event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end,
      );
      const top = inside
        .filter((event) => event.name !== 'RunTask')
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 3)
        .map((event) => {
          const url = event.args?.data?.url ?? event.args?.data?.stackTrace?.[0]?.url ?? '';
          return `${event.name}${url ? ` ${url.split('/').pop()}` : ''} ${((event.dur ?? 0) / 1000).toFixed(0)}`;
        });
      // ours: the task ran our scripts (evaluation, a listener, a timer or a microtask of ours)
      const ours = inside.some((event) =>
        /dszd-term\.(?:iife|card|highlight)\.js/.test(JSON.stringify(event.args ?? {})),
      );
      return { ms: (task.dur ?? 0) / 1000, top, ours };
    });
}

async function measure(browser, url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  const bytes = {};
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => requests.set(requestId, request.url));
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const file = new URL(requests.get(requestId) ?? 'http://x/').pathname.split('/').pop();
    if (file.endsWith('.js')) bytes[file] = encodedDataLength;
  });
  await page.evaluateOnNewDocument(recordInPage);
  await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.dszdTerm?.annotation, { timeout: 60_000 });
  await page.evaluate(() => window.dszdTerm.annotation.done);
  const bytesBeforeCard = { ...bytes };
  const handle = await page.$('main dszd-term, article dszd-term, dszd-term');
  await handle.evaluate((term) => term.scrollIntoView({ block: 'center' }));
  const box = await handle.boundingBox();
  const tapAt = await page.evaluate(() => performance.now());
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(
    () => {
      const surface = document.querySelector('dszd-card')?.shadowRoot?.querySelector('[part~="card"]');
      return surface?.matches(':popover-open') && surface.querySelector('[part~="unit"]')?.textContent.trim();
    },
    { timeout: 60_000, polling: 'mutation' },
  );
  const cardAt = await page.evaluate(() => performance.now());
  const trace = await page.tracing.stop();
  const marks = await page.evaluate(() => window.__bench);
  await page.close();
  const tasks = mainThreadTasks(trace);
  const longest = tasks.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, top: [] });
  return {
    longestTask: longest.ms,
    longestOurs: Math.max(0, ...tasks.filter((task) => task.ours).map((task) => task.ms)),
    longestWhat: longest.top.join(', '),
    over50: tasks
      .filter((task) => task.ms > 50)
      .map((task) => `${task.ms.toFixed(0)} ms${task.ours ? ' (ours)' : ''} [${task.top.join(', ')}]`),
    longestObserved: Math.max(0, ...marks.longTasks),
    tasksOver50: tasks.filter((task) => task.ms > 50).length,
    firstTermAfterDcl: marks.firstTerm - marks.domContentLoaded,
    tapToCard: cardAt - tapAt,
    bytesBeforeCard,
    bytes,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

const server = await startServer();
const url = `http://127.0.0.1:${server.address().port}/demo/article.html`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const results = [];
  console.log(`bench:phone: ${url} at ${CPU_SLOWDOWN}× CPU slowdown, ${RUNS} runs`);
  for (let run = 1; run <= RUNS; run++) {
    const result = await measure(browser, url);
    results.push(result);
    console.log(
      `run ${run}: longest task ${ms(result.longestTask)}, of those running our code ${ms(result.longestOurs)}` +
        ` (trace; Long Tasks API ${ms(result.longestObserved)},` +
        ` ${result.tasksOver50} over 50 ms) · DOMContentLoaded → first term ${ms(result.firstTermAfterDcl)}` +
        ` · tap → card ${ms(result.tapToCard)} · bytes ${JSON.stringify(result.bytes)}`,
    );
    for (const task of result.over50) console.log(`    task ${task}`);
  }
  console.log('\nmedian of the runs:');
  console.log(
    `  longest main-thread task, navigation → open card: ${ms(median(results.map((r) => r.longestTask)))}`,
  );
  console.log(`  longest task that ran our code: ${ms(median(results.map((r) => r.longestOurs)))}`);
  console.log(`  worst run's longest task: ${ms(Math.max(...results.map((r) => r.longestTask)))}`);
  console.log(
    `  DOMContentLoaded → first <dszd-term>: ${ms(median(results.map((r) => r.firstTermAfterDcl)))}`,
  );
  console.log(`  tap → card open: ${ms(median(results.map((r) => r.tapToCard)))}`);
  console.log(
    `  script bytes before the card (gzip, as transferred): ${JSON.stringify(results[0].bytesBeforeCard)}`,
  );
  console.log(`  script bytes with the card open: ${JSON.stringify(results[0].bytes)}`);
} finally {
  await browser.close();
  server.close();
}
