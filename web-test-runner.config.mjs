import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { fileURLToPath } from 'node:url';
import { cspHeaders } from './test/browser/csp-headers.mjs';
import { legacyCharset } from './test/browser/legacy-charset.mjs';
import { setFiles } from './test/browser/set-files.mjs';
import { reactEsmPlugin } from './test/browser/frameworks/react-esm-plugin.mjs';
import { liveGatePlugin } from './test/browser/live-gate-plugin.mjs';

// Real headless Chromium: the Debian build, or CHROME_PATH. Nothing is downloaded.
export default {
  files: ['src/**/*.browser.test.ts', 'test/browser/**/*.test.ts'],
  // Lit's production build, as pages get it: no "Lit is in dev mode" warning in each test file's log.
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  // fixtures with a name.csp file beside them are served with that Content-Security-Policy header
  // sets/*.json: definition sets served as JSON (see set-files.mjs)
  // iife/gbk.html: a page in GBK, its scripts served without a charset (see legacy-charset.mjs)
  middleware: [
    legacyCharset(),
    cspHeaders(fileURLToPath(new URL('.', import.meta.url))),
    setFiles(fileURLToPath(new URL('.', import.meta.url))),
  ],
  // reactEsmPlugin: React 19 is CommonJS only; the framework tests import it as ESM.
  // a11ySnapshotPlugin: tests read the browser's accessibility tree (what a screen reader is told).
  // liveGatePlugin: tests can hold wrap mode's live part back as the drop-in's stages do (helpers/delay-live.ts).
  plugins: [
    liveGatePlugin(),
    reactEsmPlugin(fileURLToPath(new URL('.', import.meta.url))),
    a11ySnapshotPlugin(),
    esbuildPlugin({
      ts: true,
      json: true,
      // Longer property runs: DSZD_SEED=… DSZD_RUNS=… npx wtr --files … (see test/browser/README.md).
      define: {
        'process.env.DSZD_SEED': JSON.stringify(process.env.DSZD_SEED ?? ''),
        'process.env.DSZD_RUNS': JSON.stringify(process.env.DSZD_RUNS ?? ''),
      },
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      },
    }),
  ],
};
