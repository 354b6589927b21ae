import fc from 'fast-check';
import type { Platform } from '@floating-ui/dom';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/fake-clock';
import { createSlicedPlatform } from './sliced-platform';

type Call = { name: string; args: unknown[]; self: unknown };

/**
 * A platform whose every measurement costs `cost(name)` ms on the fake clock and is logged, with an event log shared
 * with the yields, so a test sees where the slices were cut.
 */
function fakePlatform(clock: FakeClock, cost: (name: string, index: number) => number) {
  const calls: Call[] = [];
  const log: Array<{ kind: 'call'; name: string; at: number } | { kind: 'yield'; at: number }> = [];
  const measure = (name: string) =>
    function (this: unknown, ...args: unknown[]) {
      log.push({ kind: 'call', name, at: clock.time });
      clock.time += cost(name, calls.length);
      calls.push({ name, args, self: this });
      return { name, n: calls.length };
    };
  const base = {
    getElementRects: measure('getElementRects'),
    getClippingRect: measure('getClippingRect'),
    getDimensions: measure('getDimensions'),
    getClientRects: measure('getClientRects'),
    isElement: measure('isElement'),
  } as unknown as Platform;
  const yieldToEventLoop = async () => {
    log.push({ kind: 'yield', at: clock.time });
  };
  return { base, calls, log, yieldToEventLoop };
}

const NAMES = ['getElementRects', 'getDimensions', 'getClientRects', 'isElement'] as const;

describe('createSlicedPlatform', () => {
  it('answers what the platform answers, with Floating UI’s `this` passed on', async () => {
    const clock = new FakeClock();
    const { base, calls, yieldToEventLoop } = fakePlatform(clock, () => 1);
    const sliced = createSlicedPlatform(base, { budgetMs: 8, now: clock.now, yieldToEventLoop });
    const withCache = { ...sliced, _c: new Map() };

    const result = await withCache.getDimensions({ id: 'card' } as unknown as HTMLElement);

    expect(result).to.deep.equal({ name: 'getDimensions', n: 1 });
    expect(calls[0]!.self).toBe(withCache);
    expect(calls[0]!.args).to.deep.equal([{ id: 'card' }]);
  });

  it('yields before a measurement once the slice has spent its budget, and not before', async () => {
    const clock = new FakeClock();
    const { base, log, yieldToEventLoop } = fakePlatform(clock, () => 3);
    const sliced = createSlicedPlatform(base, { budgetMs: 8, now: clock.now, yieldToEventLoop });
    const element = {} as HTMLElement;

    for (let i = 0; i < 6; i++) await sliced.getDimensions(element);

    // 3 ms each: calls at 0, 3, 6 (under 8 ms), then a yield at 9; again after three more
    expect(log.map((entry) => entry.kind)).to.deep.equal([
      'call',
      'call',
      'call',
      'yield',
      'call',
      'call',
      'call',
    ]);
  });

  it('measures a clipping rectangle once per element and boundary, however often it is asked', async () => {
    const clock = new FakeClock();
    const { base, calls, yieldToEventLoop } = fakePlatform(clock, () => 1);
    const sliced = createSlicedPlatform(base, { budgetMs: 8, now: clock.now, yieldToEventLoop });
    const card = {} as Element;
    const term = {} as Element;
    const ask = (element: Element, rootBoundary: 'viewport' | 'document' = 'viewport') =>
      sliced.getClippingRect({ element, boundary: 'clippingAncestors', rootBoundary, strategy: 'fixed' });

    const first = await ask(card);
    const again = await ask(card);
    await ask(term);
    await ask(term);
    await ask(card, 'document');
    // an element boundary is not a string: not cached
    await sliced.getClippingRect({
      element: card,
      boundary: term,
      rootBoundary: 'viewport',
      strategy: 'fixed',
    });
    await sliced.getClippingRect({
      element: card,
      boundary: term,
      rootBoundary: 'viewport',
      strategy: 'fixed',
    });

    expect(again).to.deep.equal(first);
    expect(
      calls.filter((call) => call.name === 'getClippingRect').map((call) => call.args[0]),
    ).to.have.length(5);
  });

  it('keeps every slice within its budget plus one measurement, and yields only when the budget is spent (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.integer({ min: 0, max: 20 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 30 }),
        async (plan, budgetMs) => {
          const clock = new FakeClock();
          const { base, log, calls, yieldToEventLoop } = fakePlatform(clock, (_name, i) => plan[i]![1]);
          const sliced = createSlicedPlatform(base, { budgetMs, now: clock.now, yieldToEventLoop });
          const methods = sliced as unknown as Record<string, (arg: unknown) => Promise<unknown>>;

          for (const [name] of plan) await methods[name]!({});

          expect(calls.map((call) => call.name)).to.deep.equal(plan.map(([name]) => name));
          let sliceStart = 0;
          let lastCallCost = 0;
          for (const [i, entry] of log.entries()) {
            if (entry.kind === 'yield') {
              // yielded because the budget was spent, never earlier
              expect(entry.at - sliceStart).toBeGreaterThanOrEqual(budgetMs);
              // and no later than one measurement past it
              expect(entry.at - sliceStart).toBeLessThan(budgetMs + lastCallCost);
              sliceStart = entry.at;
            } else {
              // a measurement never starts in a slice that has spent its budget
              expect(entry.at - sliceStart, `entry ${i}`).toBeLessThan(budgetMs);
              lastCallCost = plan[log.slice(0, i + 1).filter((e) => e.kind === 'call').length - 1]![1];
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
