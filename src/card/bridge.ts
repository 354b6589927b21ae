/** The bridge that carries the pointer from the term to the card: geometry only, read by the card and positioning. */

/** The side of the term the card sits on. */
export type Side = 'top' | 'bottom' | 'left' | 'right';

/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The transparent area between the term and the card, in px relative to the card's top-left corner. */
export interface Bridge {
  left: number;
  top: number;
  width: number;
  height: number;
  /** A `clip-path: polygon(…)` value in px relative to the bridge box: the trapezoid from term edge to card edge. */
  clipPath: string;
}

/**
 * The bridge between the term's facing edge and the card's facing edge, so the pointer crossing the gap (the offset
 * and the arrow) never leaves "term or card". Undefined when the two touch or overlap: nothing to bridge.
 */
export function computeBridge(anchor: Box, card: Box, side: Side): Bridge | undefined {
  let points: Array<[number, number]>;
  switch (side) {
    case 'bottom':
      if (card.top <= anchor.bottom) return undefined;
      points = [
        [anchor.left, anchor.bottom],
        [anchor.right, anchor.bottom],
        [card.right, card.top],
        [card.left, card.top],
      ];
      break;
    case 'top':
      if (card.bottom >= anchor.top) return undefined;
      points = [
        [card.left, card.bottom],
        [card.right, card.bottom],
        [anchor.right, anchor.top],
        [anchor.left, anchor.top],
      ];
      break;
    case 'right':
      if (card.left <= anchor.right) return undefined;
      points = [
        [anchor.right, anchor.top],
        [card.left, card.top],
        [card.left, card.bottom],
        [anchor.right, anchor.bottom],
      ];
      break;
    case 'left':
      if (card.right >= anchor.left) return undefined;
      points = [
        [card.right, card.top],
        [anchor.left, anchor.top],
        [anchor.left, anchor.bottom],
        [card.right, card.bottom],
      ];
      break;
  }
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  const polygon = points.map(([x, y]) => `${round(x - left)}px ${round(y - top)}px`).join(', ');
  return {
    left: round(left - card.left),
    top: round(top - card.top),
    width: round(Math.max(...xs) - left),
    height: round(Math.max(...ys) - top),
    clipPath: `polygon(${polygon})`,
  };
}

/**
 * The line box of the term closest to the card: the one the card points at, whose edge the bridge starts from (a
 * wrapped term has several). The card's own corner when there are none.
 */
export function findFacingLine(lines: readonly Box[], card: Box): Box {
  let best: Box = { left: card.left, top: card.top, right: card.left, bottom: card.top };
  let bestDistance = Infinity;
  for (const line of lines) {
    const dx = Math.max(0, line.left - card.right, card.left - line.right);
    const dy = Math.max(0, line.top - card.bottom, card.top - line.bottom);
    if (dx + dy < bestDistance) {
      bestDistance = dx + dy;
      best = { left: line.left, top: line.top, right: line.right, bottom: line.bottom };
    }
  }
  return best;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
