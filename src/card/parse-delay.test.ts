import { describe, expect, it } from 'vitest';
import { parseDelay } from './parse-delay';

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
