import { defineConfig } from 'vitest/config';

// DOM-free code only (matcher, compiler, Node tagging, CLI); the DOM is tested in Chromium by web-test-runner.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'data/**/*.test.ts', 'scripts/**/*.test.ts', 'test/node/**/*.test.ts'],
    environment: 'node',
  },
});
