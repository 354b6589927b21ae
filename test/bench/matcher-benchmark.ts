/**
 * The matcher benchmark, shared by the Node run (matcher.bench.ts) and the browser run (browser/matcher.bench.ts):
 * findTerms against a floor loop that only reads every char code, one regex alternation of all names, and one
 * indexOf scan per name, over the same text.
 */
import { definitionSet } from '../../src/definitions/definition-set.generated';
import { findTerms } from '../../src/match/find-terms';
import { buildCorpus } from './corpus';
import { computeMegabytesPerSecond, countUtf8Bytes, measureInterleaved, type Measurement } from './measure';

export interface MatcherBenchmark {
  /** Printable lines: the corpus, one line per approach, the ratios and whether the targets are met. */
  lines: string[];
  /** findTerms time / floor time (target ≤ 3). */
  floorRatio: number;
  /** regex time / findTerms time (target > 1). */
  regexRatio: number;
  /** indexOf time / findTerms time (target > 1). */
  indexOfRatio: number;
  /** Matches findTerms found: must be > 0, or the benchmark measured nothing. */
  matchCount: number;
}

// Each approach is a plain top-level function of the text, as findTerms is, so every one is optimized alike.

/** The floor: reads every char code once; the sum is returned so that no engine can drop the loop. */
function sumCharCodes(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function countRegExpMatches(alternation: RegExp, text: string): number {
  let count = 0;
  alternation.lastIndex = 0;
  while (alternation.exec(text)) count++;
  return count;
}

function countIndexOf(names: readonly string[], text: string): number {
  let count = 0;
  for (const name of names)
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) count++;
  return count;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs every approach on the same corpus and returns the figures. Throws if findTerms found nothing. */
export function runMatcherBenchmark(rounds = 21): MatcherBenchmark {
  const text = buildCorpus();
  const bytes = countUtf8Bytes(text);
  const names = [...new Set(definitionSet.entries.flatMap((entry) => [entry.term, ...entry.aliases]))].sort(
    (a, b) => b.length - a.length,
  );
  const alternation = new RegExp(names.map(escapeRegExp).join('|'), 'g');

  const [found, floor, regex, indexOf] = measureInterleaved(
    [
      { name: 'findTerms', run: () => findTerms(text).length },
      // Bound, not wrapped in arrows: Chromium inlined a wrapped floor loop into the timing loop and left it in its
      // middle tier, five times slower than the loop on its own.
      { name: 'floor loop (sum of charCodeAt)', run: sumCharCodes.bind(null, text) },
      { name: 'regex alternation (all names)', run: countRegExpMatches.bind(null, alternation, text) },
      { name: 'indexOf per name', run: countIndexOf.bind(null, names, text) },
    ],
    rounds,
    10,
  ) as [Measurement, Measurement, Measurement, Measurement];
  if (!(found.result > 0))
    throw new Error('findTerms found no term in the corpus: the benchmark would measure nothing');

  const describe = (m: Measurement) =>
    `${m.name.padEnd(32)} ${computeMegabytesPerSecond(bytes, m.ms).toFixed(1).padStart(8)} MB/s  ${m.ms.toFixed(2).padStart(8)} ms  (result ${m.result})`;
  const floorRatio = found.ms / floor.ms;
  const regexRatio = regex.ms / found.ms;
  const indexOfRatio = indexOf.ms / found.ms;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  return {
    lines: [
      `corpus: ${text.length} UTF-16 code units, ${(bytes / 1e6).toFixed(2)} MB UTF-8; ${names.length} names; median of ${rounds} interleaved rounds`,
      describe(found),
      describe(floor),
      describe(regex),
      describe(indexOf),
      `findTerms / floor time:   ${floorRatio.toFixed(2)}×  (target ≤ 3×: ${verdict(floorRatio <= 3)})`,
      `regex / findTerms time:   ${regexRatio.toFixed(2)}×  (target > 1×: ${verdict(regexRatio > 1)})`,
      `indexOf / findTerms time: ${indexOfRatio.toFixed(2)}×  (target > 1×: ${verdict(indexOfRatio > 1)})`,
    ],
    floorRatio,
    regexRatio,
    indexOfRatio,
    matchCount: found.result,
  };
}
