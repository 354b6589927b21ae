#!/usr/bin/env node
// The dszd-term command. dist/cli.js is the build of src/cli/main.ts (the library build produces it).
import '../dist/cli.js';
