// Node: the matcher benchmark (`npm run bench`). Figures vary with the machine; the ratios are what to compare.
import { runMatcherBenchmark } from './matcher-benchmark';

console.log(`matcher benchmark, Node ${process.version}`);
for (const line of runMatcherBenchmark().lines) console.log(`  ${line}`);
