import { describe, expect, it } from 'vitest';
import { computeBridge, findFacingLine } from './bridge';

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

describe('findFacingLine', () => {
  // a term wrapped over three lines: the end of one line, a whole line, the start of the next
  const lines = [
    { left: 300, top: 100, right: 400, bottom: 120 },
    { left: 0, top: 124, right: 400, bottom: 144 },
    { left: 0, top: 148, right: 60, bottom: 168 },
  ];

  it('is the last line for a card below, the first for a card above', () => {
    expect(findFacingLine(lines, { left: 0, top: 180, right: 300, bottom: 400 })).toEqual(lines[2]);
    expect(findFacingLine(lines, { left: 200, top: 0, right: 500, bottom: 90 })).toEqual(lines[0]);
  });

  it('is the nearest line for a card beside the term', () => {
    expect(findFacingLine(lines, { left: 420, top: 90, right: 700, bottom: 130 })).toEqual(lines[0]);
  });

  it('is a copy, not the measured rectangle itself', () => {
    const found = findFacingLine(lines, { left: 0, top: 180, right: 300, bottom: 400 });
    expect(found).not.toBe(lines[2]);
  });

  it("is the card's corner, of no size, without lines", () => {
    expect(findFacingLine([], { left: 10, top: 20, right: 30, bottom: 40 })).toEqual({
      left: 10,
      top: 20,
      right: 10,
      bottom: 20,
    });
  });
});
