import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionSet } from '../definitions/definition-set.generated';
import { CLASS_OTHER } from './automaton';
import { findTerms, getMatcher } from './find-terms';
import { findScanCut, findTermsInSlices } from './find-terms-in-slices';

const { classOf } = getMatcher().automaton;
const names = definitionSet.entries.flatMap((entry) => [entry.term, ...entry.aliases]);

/** Runs the sliced scan to its end; returns its matches and how many times it yielded. */
function runSliced(text: string, perStep: number): { matches: ReturnType<typeof findTerms>; yields: number } {
  const steps = findTermsInSlices(text, undefined, perStep);
  let yields = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { matches: step.value, yields };
    yields++;
  }
}

/** The longest stretch of the text without a character of class CLASS_OTHER. */
function longestStretch(text: string): number {
  let longest = 0;
  let stretch = 0;
  for (let i = 0; i < text.length; i++) {
    stretch = classOf[text.charCodeAt(i)] === CLASS_OTHER ? 0 : stretch + 1;
    longest = Math.max(longest, stretch);
  }
  return longest;
}

// Terms, pieces of terms, white space and quotes (ignorable inside a term), and characters no term holds.
const part = fc.oneof(
  fc.constantFrom(...names),
  fc.constantFrom(...names).map((name) => name.slice(0, Math.ceil(name.length / 2))),
  fc.constantFrom(...names).map((name) => [...name].join(' ')),
  fc.constantFrom(' ', '\u3000', '“', '”', '「', '」', '"', "'"),
  fc.constantFrom('，', '。', 'x', '的', '1'),
);
const text = fc.array(part, { maxLength: 60 }).map((parts) => parts.join(''));

describe('findTermsInSlices', () => {
  it('cuts a text only after a character no match can hold', () => {
    const sample = '城市大脑，数字社会。“浙里办”';
    const cut = findScanCut(sample, 0, 2, classOf);
    // 城市大脑 holds term characters: the cut comes after the comma.
    expect(sample.slice(0, cut)).toBe('城市大脑，');
    expect(findScanCut(sample, cut, 1000, classOf)).toBe(sample.length);
  });

  it('finds what one scan finds in a text of many parts, a quoted term across a would-be cut included', () => {
    const sample = '推进“城市 大脑”建设，数字社会与浙里办。'.repeat(20);
    for (const perStep of [1, 3, 7, 40])
      expect(runSliced(sample, perStep).matches).toEqual(findTerms(sample));
  });

  it('property: the same matches as one scan, whatever the step size', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (sample, perStep) => {
        expect(runSliced(sample, perStep).matches).toEqual(findTerms(sample));
      }),
      { numRuns: 500 },
    );
  });

  it('property: each step scans at most its size plus the longest stretch without a cut; one yield per step', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (sample, perStep) => {
        const parts: number[] = [];
        for (let start = 0; start < sample.length;) {
          const end = findScanCut(sample, start, perStep, classOf);
          expect(end).toBeGreaterThan(start);
          parts.push(end - start);
          start = end;
        }
        for (const length of parts) expect(length).toBeLessThanOrEqual(perStep + longestStretch(sample));
        const { yields } = runSliced(sample, perStep);
        expect(yields).toBe(sample.length <= perStep ? 0 : parts.length - 1);
      }),
      { numRuns: 300 },
    );
  });
});
