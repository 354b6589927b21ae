import { defineConfig } from 'vitest/config';

// DOM-free code only (matcher, compiler, Node tagging, CLI); the DOM is tested in Chromium by web-test-runner.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'data/**/*.test.ts', 'scripts/**/*.test.ts', 'test/node/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/node/quiet-lit.ts'],
    // No wall-clock limit a loaded machine can reach: some tests spawn tsx or node (a second each when idle, many
    // on a busy 2-core machine). The timeout only stops a test that hangs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
