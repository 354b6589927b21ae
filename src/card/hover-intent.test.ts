import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../test/fake-clock';
import { computeBridge } from './bridge';
import { HoverIntent, useIntentTimers } from './hover-intent';
import { parseDelay } from './parse-delay';

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs a scheduled action after its delay, not before', () => {
    const intent = new HoverIntent();
    const action = vi.fn();
    intent.schedule('show', 400, action, 'a');

    vi.advanceTimersByTime(399);
    expect(action).not.toHaveBeenCalled();
    expect(intent.isPending('show', 'a')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(action).toHaveBeenCalledTimes(1);
    expect(intent.isPending('show')).toBe(false);
  });

  it('keeps one pending action: a new one replaces the old', () => {
    const intent = new HoverIntent();
    const hide = vi.fn();
    const show = vi.fn();
    intent.schedule('hide', 300, hide);
    intent.schedule('show', 400, show, 'b');

    vi.advanceTimersByTime(1000);
    expect(hide).not.toHaveBeenCalled();
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('cancels only what matches kind and key', () => {
    const intent = new HoverIntent();
    const show = vi.fn();
    intent.schedule('show', 100, show, 'a');

    expect(intent.cancel('hide')).toBe(false);
    expect(intent.cancel('show', 'b')).toBe(false);
    expect(intent.isPending('show', 'a')).toBe(true);
    expect(intent.cancel('show', 'a')).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(show).not.toHaveBeenCalled();
  });
});

describe('HoverIntent on injected timers', () => {
  afterEach(() => useIntentTimers());

  it('schedules and cancels on the timers given to its constructor', () => {
    const clock = new FakeClock();
    const intent = new HoverIntent(clock);
    const action = vi.fn();
    intent.schedule('hide', 300, action);
    expect(clock.pending).toBe(1);
    clock.tick(299);
    expect(action).not.toHaveBeenCalled();
    clock.tick(1);
    expect(action).toHaveBeenCalledTimes(1);
    expect(clock.time).toBe(300);

    intent.schedule('show', 100, action, 'a');
    expect(intent.cancel('show', 'a')).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it('useIntentTimers swaps the timers of intents without their own, and restores the page timers', () => {
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

  it('a pending action is cancelled on the timers it was scheduled on, even after a swap', () => {
    const first = new FakeClock();
    useIntentTimers(first);
    const intent = new HoverIntent();
    const action = vi.fn();
    intent.schedule('hide', 100, action);
    useIntentTimers(new FakeClock());
    expect(intent.cancel()).toBe(true);
    first.tick(1000);
    expect(action).not.toHaveBeenCalled();
  });
});

describe('parseDelay', () => {
  it('accepts finite non-negative numbers and numeric strings, else the fallback', () => {
    expect(parseDelay('150', 400)).toBe(150);
    expect(parseDelay(0, 400)).toBe(0);
    expect(parseDelay('abc', 400)).toBe(400);
    expect(parseDelay(-5, 300)).toBe(300);
    expect(parseDelay(null, 300)).toBe(0);
    expect(parseDelay(Infinity, 300)).toBe(300);
  });
});

describe('computeBridge', () => {
  const term = { left: 100, top: 50, right: 160, bottom: 70 };

  it('spans the gap below the term to a card underneath, as a trapezoid', () => {
    const card = { left: 40, top: 80, right: 440, bottom: 300 };
    expect(computeBridge(term, card, 'bottom')).toEqual({
      left: 0,
      top: -10,
      width: 400,
      height: 10,
      clipPath: 'polygon(60px 0px, 120px 0px, 400px 10px, 0px 10px)',
    });
  });

  it('spans the gap above the term to a card on top', () => {
    const card = { left: 120, top: 0, right: 320, bottom: 40 };
    expect(computeBridge(term, card, 'top')).toEqual({
      left: -20,
      top: 40,
      width: 220,
      height: 10,
      clipPath: 'polygon(20px 0px, 220px 0px, 60px 10px, 0px 10px)',
    });
  });

  it('spans sideways gaps', () => {
    const right = computeBridge(term, { left: 170, top: 0, right: 400, bottom: 200 }, 'right')!;
    expect([right.left, right.top, right.width, right.height]).toEqual([-10, 0, 10, 200]);
    const left = computeBridge(term, { left: 0, top: 40, right: 90, bottom: 90 }, 'left')!;
    expect([left.left, left.top, left.width, left.height]).toEqual([90, 0, 10, 50]);
  });

  it('is undefined when the card touches or overlaps the term', () => {
    expect(computeBridge(term, { left: 0, top: 70, right: 300, bottom: 200 }, 'bottom')).toBeUndefined();
    expect(computeBridge(term, { left: 0, top: 0, right: 300, bottom: 55 }, 'top')).toBeUndefined();
  });
});
