#!/usr/bin/env node
// The dszd-term command. dist/cli.js is the build of src/cli/main.ts (the library build produces it). A fresh clone
// has no dist/ until `npm run build`: say so in one line instead of Node's stack trace.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  console.error('dszd-term: dist/cli.js is missing: run `npm run build` first.');
  process.exitCode = 1;
}
