import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../test/fake-clock';
import { HoverIntent, useIntentTimers, type IntentKind } from './hover-intent';

describe('HoverIntent on a fake clock', () => {
  it('runs a scheduled action after its delay, not before', () => {
    const clock = new FakeClock();
    const intent = new HoverIntent(clock);
    const action = vi.fn();
    intent.schedule('show', 400, action, 'a');

    clock.tick(399);
    expect(action).not.toHaveBeenCalled();
    expect(intent.isPending('show', 'a')).toBe(true);
    clock.tick(1);
    expect(action).toHaveBeenCalledTimes(1);
    expect(intent.isPending('show')).toBe(false);
    expect(clock.pending).toBe(0);
  });

  it('keeps one pending action: a new one replaces the old, and its timer goes', () => {
    const clock = new FakeClock();
    const intent = new HoverIntent(clock);
    const hide = vi.fn();
    const show = vi.fn();
    intent.schedule('hide', 300, hide);
    intent.schedule('show', 400, show, 'b');
    expect(clock.pending).toBe(1);

    clock.tick(1000);
    expect(hide).not.toHaveBeenCalled();
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('cancels only what matches kind and key', () => {
    const clock = new FakeClock();
    const intent = new HoverIntent(clock);
    const show = vi.fn();
    intent.schedule('show', 100, show, 'a');

    expect(intent.cancel('hide')).toBe(false);
    expect(intent.cancel('show', 'b')).toBe(false);
    expect(intent.isPending('show', 'a')).toBe(true);
    expect(intent.cancel('show', 'a')).toBe(true);
    expect(intent.cancel()).toBe(false);
    clock.tick(1000);
    expect(show).not.toHaveBeenCalled();
  });

  it('an action may schedule the next one (a dwell that ends in a show, then a hide)', () => {
    const clock = new FakeClock();
    const intent = new HoverIntent(clock);
    const hide = vi.fn();
    intent.schedule('show', 100, () => intent.schedule('hide', 50, hide));
    clock.tick(100);
    expect(intent.isPending('hide')).toBe(true);
    clock.tick(50);
    expect(hide).toHaveBeenCalledTimes(1);
    expect(clock.time).toBe(150);
  });

  type Step =
    | { op: 'schedule'; kind: IntentKind; delay: number; key: number }
    | { op: 'cancel'; kind?: IntentKind; key?: number }
    | { op: 'tick'; ms: number };
  const kind = fc.constantFrom<IntentKind>('show', 'hide');
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ op: fc.constant('schedule' as const), kind, delay: fc.nat(1000), key: fc.nat(3) }),
    fc.record({
      op: fc.constant('cancel' as const),
      kind: fc.option(kind, { nil: undefined }),
      key: fc.option(fc.nat(3), { nil: undefined }),
    }),
    fc.record({ op: fc.constant('tick' as const), ms: fc.nat(1200) }),
  );

  it('matches a model of one pending action (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const clock = new FakeClock();
        const intent = new HoverIntent(clock);
        const ran: number[] = [];
        // the model: the one pending action, due at `at`
        let model: { id: number; kind: IntentKind; key: number; at: number } | undefined;
        const expected: number[] = [];
        steps.forEach((s, id) => {
          if (s.op === 'schedule') {
            intent.schedule(s.kind, s.delay, () => ran.push(id), s.key);
            model = { id, kind: s.kind, key: s.key, at: clock.time + s.delay };
          } else if (s.op === 'cancel') {
            const matches =
              !!model &&
              (s.kind === undefined ||
                (model.kind === s.kind && (s.key === undefined || model.key === s.key)));
            expect(intent.cancel(s.kind, s.key)).toBe(matches);
            if (matches) model = undefined;
          } else {
            if (model && model.at <= clock.time + s.ms) {
              expected.push(model.id);
              model = undefined;
            }
            clock.tick(s.ms);
          }
          expect(ran).toEqual(expected);
          expect(clock.pending).toBe(model ? 1 : 0);
          if (model) expect(intent.isPending(model.kind, model.key)).toBe(true);
        });
      }),
    );
  });
});

describe('useIntentTimers', () => {
  afterEach(() => useIntentTimers());

  it('swaps the timers of intents without their own, and restores the page timers', () => {
    const clock = new FakeClock();
    useIntentTimers(clock);
    const intent = new HoverIntent();
    const action = vi.fn();
    intent.schedule('show', 10_000, action);
    clock.tick(10_000);
    expect(action).toHaveBeenCalledTimes(1);

    useIntentTimers();
    vi.useFakeTimers();
    try {
      intent.schedule('show', 50, action);
      expect(clock.pending).toBe(0);
      vi.advanceTimersByTime(50);
      expect(action).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an intent with timers of its own keeps them', () => {
    const own = new FakeClock();
    useIntentTimers(new FakeClock());
    const intent = new HoverIntent(own);
    intent.schedule('hide', 10, () => undefined);
    expect(own.pending).toBe(1);
  });

  it('a pending action is cancelled on the timers it was scheduled on, even after a swap', () => {
    const first = new FakeClock();
    useIntentTimers(first);
    const intent = new HoverIntent();
    const action = vi.fn();
    intent.schedule('hide', 100, action);
    useIntentTimers(new FakeClock());
    expect(intent.cancel()).toBe(true);
    expect(first.pending).toBe(0);
    first.tick(1000);
    expect(action).not.toHaveBeenCalled();
  });
});
