import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';

// Browser benchmarks (`npm run bench`): the same Chromium as the tests, one file at a time so runs do not compete,
// generous timeouts, and every console.log of the page printed: that is where a bench file reports its figures.
export default {
  rootDir: fileURLToPath(new URL('../../', import.meta.url)),
  files: ['test/bench/browser/*.bench.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  browserLogs: true,
  staticLogging: true,
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: true })],
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 3600000,
  testFramework: { config: { timeout: 300000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      json: true,
      tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
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
