// Chromium: the matcher benchmark in the browser, where the annotator runs. Figures go to the console (printed by
// the bench config); the test fails only if findTerms found nothing, since figures on a shared machine are noisy.
import { expect } from '@open-wc/testing';
import { runMatcherBenchmark } from '../matcher-benchmark';

it('measures findTerms against a floor loop, a regex alternation and indexOf per name', () => {
  const benchmark = runMatcherBenchmark();
  console.log(
    `matcher benchmark, ${navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'browser'}`,
  );
  for (const line of benchmark.lines) console.log(`  ${line}`);
  expect(benchmark.matchCount).to.be.greaterThan(0);
});
