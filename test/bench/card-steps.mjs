// `node test/bench/card-steps.mjs [runs] [dist folder…]`: the drop-in's first tasks and each step of the card's
// preparation on the article demo page, in Chromium at 4× CPU slowdown (as `npm run bench:phone`), from a trace: the
// task that ran the script's tag, the timer task that evaluated the first stage (a build that evaluates in its tag's
// task has none) and each idle callback's task. The page is annotated as usual; every idle callback is told it timed
// out, so each runs the one step it was asked for (the first is the first stage's, which fetches the card stage), in
// order. Each dist folder given (default: this one's dist/) is served under a path of its own and measured in turn,
// run by run, so that all see the same machine load. A benchmark, not a test: nothing here is part of `npm test`.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { articleWithDropIn } from './article-page.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 5);
const dists = process.argv.slice(3).map((dir) => resolve(dir));
if (!dists.length) dists.push(join(root, 'dist'));
for (const dist of dists)
  if (!existsSync(join(dist, 'dszd-term.iife.js'))) {
    console.error(`card-steps: ${dist}/dszd-term.iife.js is missing; run npm run build first.`);
    process.exit(1);
  }

function startServer() {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    const page = /^\/demo\/article-(\d+)\.html$/.exec(path);
    const stage = /^\/dist(\d+)\/([\w.-]+\.js)$/.exec(path);
    let body;
    if (page && dists[Number(page[1])])
      body = articleWithDropIn(root, `/dist${Number(page[1])}/dszd-term.iife.js`);
    else if (stage && dists[Number(stage[1])] && existsSync(join(dists[Number(stage[1])], stage[2])))
      body = readFileSync(join(dists[Number(stage[1])], stage[2]));
    else if (path.startsWith('/demo/') && existsSync(join(root, path))) body = readFileSync(join(root, path));
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'text/html';
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    response.end(body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** In the page before any script: every idle callback is told it timed out, so it runs the one step it was asked for. */
function stepPerCallback() {
  const requestIdle = window.requestIdleCallback.bind(window);
  window.requestIdleCallback = (work, options) =>
    requestIdle(() => work({ didTimeout: true, timeRemaining: () => 0 }), options);
}

/**
 * From a trace, the main thread's tasks (ms): the one that ran the drop-in's tag, the first timer task that ran the
 * first stage (its evaluation, where the build defers it; none where it is evaluated in its tag's task) and each idle
 * callback's, in order.
 */
function readTasks(trace) {
  const events = JSON.parse(Buffer.from(trace).toString('utf8')).traceEvents;
  const main = events.find(
    (event) =>
      event.name === 'thread_name' &&
      event.args?.name === 'CrRendererMain' &&
      events.some(
        (other) =>
          other.pid === event.pid &&
          other.tid === event.tid &&
          other.name === 'EvaluateScript' &&
          /dszd-term\.iife\.js/.test(other.args?.data?.url ?? ''),
      ),
  );
  const own = events.filter(
    (event) => event.pid === main?.pid && event.tid === main?.tid && event.ph === 'X',
  );
  const tasks = own
    .filter((event) => event.name === 'RunTask')
    .map((task) => ({
      ms: task.dur / 1000,
      inside: own.filter((event) => event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + task.dur),
    }));
  const has = (task, name, url) =>
    task.inside.some((event) => event.name === name && (!url || url.test(event.args?.data?.url ?? '')));
  const first = /dszd-term\.iife\.js/;
  const tag = tasks.find((task) => has(task, 'EvaluateScript', first));
  const evaluation = tasks.find(
    (task) => has(task, 'TimerFire') && has(task, 'FunctionCall', first) && task !== tag,
  );
  return {
    tag: tag?.ms ?? 0,
    // a build that evaluates in its tag's task runs no code of the first stage in a timer before its annotation
    evaluation: evaluation?.ms,
    steps: tasks.filter((task) => has(task, 'FireIdleCallback')).map((task) => task.ms),
  };
}

async function measure(browser, url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluateOnNewDocument(stepPerCallback);
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // made ahead of use: rendered with an entry with notes (the last step)
  await page.waitForFunction(
    () => document.querySelector('dszd-card')?.shadowRoot?.querySelector('[part~="notes"]'),
    { timeout: 120_000, polling: 200 },
  );
  await new Promise((done) => setTimeout(done, 500));
  const trace = await page.tracing.stop();
  await page.close();
  return readTasks(trace);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

const server = await startServer();
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  console.log(
    `card-steps: ${RUNS} runs at 4× CPU slowdown · load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}`,
  );
  const results = dists.map(() => []);
  for (let run = 1; run <= RUNS; run++)
    for (const [index, dist] of dists.entries()) {
      const timed = await measure(
        browser,
        `http://127.0.0.1:${server.address().port}/demo/article-${index}.html`,
      );
      results[index].push(timed);
      console.log(
        `run ${run} ${dist}: its tag's task ${ms(timed.tag)} · evaluation ${timed.evaluation === undefined ? 'in its tag' : ms(timed.evaluation)}` +
          ` · idle callbacks (the first fetches the card stage) ${timed.steps.map(ms).join(', ')}`,
      );
    }
  console.log('\nmedian of the runs (range in brackets), each step:');
  for (const [index, dist] of dists.entries()) {
    const runs = results[index];
    const column = (values) =>
      `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;
    const steps = Math.max(...runs.map((timed) => timed.steps.length));
    console.log(`  ${dist}`);
    console.log(`    its tag's task: ${column(runs.map((timed) => timed.tag))}`);
    if (runs.every((timed) => timed.evaluation !== undefined))
      console.log(`    evaluation (a timer task): ${column(runs.map((timed) => timed.evaluation))}`);
    for (let step = 0; step < steps; step++)
      console.log(
        `    idle callback ${step + 1}: ${column(runs.map((timed) => timed.steps[step]).filter((v) => v !== undefined))}`,
      );
    console.log(`    longest: ${column(runs.map((timed) => Math.max(...timed.steps)))}`);
  }
} finally {
  await browser.close();
  server.close();
}
