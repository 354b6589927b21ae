import {
  arrow,
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  platform,
  shift,
  size,
  type ClientRectObject,
  type Middleware,
  type Rect,
} from '@floating-ui/dom';
import { SLICE_BUDGET_MS, yieldToEventLoop } from '../live/schedule';
import { findFacingLine, type Box, type Side } from './bridge';
import { createSlicedPlatform } from './sliced-platform';

/**
 * Something that is not an element but has a place on the page, such as a text Range (the highlight mode's
 * matches): Floating UI positions by its rectangles and follows scrolling through `contextElement`.
 */
export interface VirtualAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
  readonly contextElement?: Element | undefined;
  /** Whether it is still on the page (checked like an element's). */
  readonly isConnected: boolean;
}

/** Distance kept from the viewport edges, px. */
export const VIEWPORT_PADDING = 8;
/** Side of the arrow square before it is turned 45°, px. */
export const ARROW_SIZE = 12;
/** Distance from the term to the card's edge: room for the arrow's tip and a hair of air, px. */
export const CARD_OFFSET = Math.round((ARROW_SIZE * Math.SQRT2) / 2) + 2;
/** Width of the card's border, which the arrow straddles, px. */
const BORDER = 1;

/** Where the card ended up. */
export interface Placed {
  side: Side;
  /** The line box of the term the card points at. */
  anchorRect: Box;
  cardRect: Box;
}

export interface PositionOptions {
  /** The term (or the piece of a split term, or a virtual anchor) the card points at. */
  anchor: Element | VirtualAnchor;
  /** The card surface: position: fixed, in the top layer or not. */
  card: HTMLElement;
  arrow: HTMLElement;
  /**
   * The line of a wrapped term to point at (an index into `anchor.getClientRects()`), or undefined for the line
   * nearest the card: the last line when the card sits below, the first when above (so it covers no part of the term).
   */
  line: number | undefined;
  /** Called after every placement. */
  onPlaced(placed: Placed): void;
  /** Called instead of throwing. */
  onError(error: unknown): void;
}

export interface Positioning {
  /** Stops following scroll and resize. Safe to call twice. */
  cleanup(): void;
  /** Settles after the first placement, once the card follows scroll and resize. */
  ready: Promise<void>;
}

/**
 * Places the card by the term with Floating UI (offset, inline, flip, shift, size, arrow, hide) and keeps it there
 * while the page scrolls or resizes (autoUpdate) until `cleanup()`.
 *
 * Each placement reads all geometry first and writes after (Floating UI's reads, then `left`/`top`), and reports the
 * rectangles it measured, so that nothing reads the layout again after the writes. Following the page (finding the
 * scrolling ancestors, starting the observers) begins in a task after the first placement, and Floating UI measures
 * in slices (createSlicedPlatform): on a phone each is several tasks' worth of work.
 */
export function positionCard(options: PositionOptions): Positioning {
  const { anchor, card, arrow: arrowElement } = options;
  let stopped = false;
  let stopFollowing: (() => void) | undefined;

  const place = async () => {
    try {
      const { x, y, placement, middlewareData } = await computePosition(anchor, card, {
        strategy: 'fixed',
        platform: createSlicedPlatform(platform, {
          budgetMs: SLICE_BUDGET_MS,
          now: () => performance.now(),
          yieldToEventLoop,
        }),
        placement: 'bottom',
        middleware: [
          offset(CARD_OFFSET),
          inline((state) => linePoint(anchor, options.line, state.placement)),
          flip({ padding: VIEWPORT_PADDING, fallbackStrategy: 'bestFit' }),
          shift({ padding: VIEWPORT_PADDING }),
          size({
            padding: VIEWPORT_PADDING,
            apply({ availableHeight, elements, rects }) {
              limitHeight(elements.floating, rects.floating.height, availableHeight);
            },
          }),
          arrow({ element: arrowElement, padding: ARROW_SIZE }),
          hide({ strategy: 'referenceHidden' }),
          measured,
        ],
      });
      if (stopped) return;
      const side = placement.split('-')[0] as Side;
      const { floating, lines } = middlewareData.measured as Measured;
      card.style.left = `${x}px`;
      card.style.top = `${y}px`;
      card.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : '';
      placeArrow(arrowElement, side, middlewareData.arrow);
      const cardRect = { left: x, top: y, right: x + floating.width, bottom: y + floating.height };
      options.onPlaced({ side, anchorRect: findFacingLine(lines, cardRect), cardRect });
    } catch (error) {
      options.onError(error);
    }
  };
  // A placement spans tasks: one at a time, and a change meanwhile places the card once more after it.
  let placing: Promise<void> | undefined;
  let again = false;
  const update = (): Promise<void> => {
    if (placing) {
      again = true;
      return placing;
    }
    placing = (async () => {
      do {
        again = false;
        await place();
      } while (again && !stopped);
      placing = undefined;
    })();
    return placing;
  };

  // the frame a following placement waits for (see below)
  let frame = 0;
  const ready = update().then(async () => {
    await yieldToEventLoop();
    if (stopped) return;
    // autoUpdate places the card at once when it starts: that placement was just made.
    let placed = true;
    stopFollowing = autoUpdate(anchor, card, () => {
      if (placed) placed = false;
      // In a frame of its own: a placement that changed the card's size (its height limit) while the browser
      // delivers the card's resize to autoUpdate's ResizeObserver would be a "ResizeObserver loop" error on the page.
      else
        frame ||= requestAnimationFrame(() => {
          frame = 0;
          void update();
        });
    });
  });
  return {
    cleanup() {
      if (stopped) return;
      stopped = true;
      stopFollowing?.();
      cancelAnimationFrame(frame);
    },
    ready,
  };
}

interface Measured {
  floating: Rect;
  lines: ClientRectObject[];
}

/** The last middleware: the card's size and the term's line boxes as measured for this placement, before any write. */
const measured: Middleware = {
  name: 'measured',
  async fn({ rects, elements, platform }) {
    const lines = (await platform.getClientRects?.(elements.reference)) ?? [];
    return { data: { floating: rects.floating, lines: Array.from(lines) } satisfies Measured };
  },
};

/**
 * Keeps the card within the room the viewport leaves it. Writes only when the limit matters (the card is taller, or
 * a limit set before changes): a write makes the next read lay the card out again.
 */
function limitHeight(card: HTMLElement, height: number, available: number): void {
  const limit = `${Math.max(0, Math.floor(available))}px`;
  if (card.style.maxHeight ? card.style.maxHeight !== limit : height > available)
    card.style.maxHeight = limit;
}

/** The centre of the line to point at, recomputed on every update so scrolling keeps the same line. */
function linePoint(
  anchor: Element | VirtualAnchor,
  index: number | undefined,
  placement: string,
): { x?: number; y?: number } {
  const rects = anchor.getClientRects();
  const line =
    index !== undefined ? rects[index] : placement.startsWith('bottom') ? rects[rects.length - 1] : rects[0];
  return line ? { x: line.left + line.width / 2, y: line.top + line.height / 2 } : {};
}

const OPPOSITE: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

function placeArrow(element: HTMLElement, side: Side, data: { x?: number; y?: number } | undefined): void {
  element.style.display = data ? '' : 'none';
  element.style.left = data?.x != null ? `${data.x}px` : '';
  element.style.top = data?.y != null ? `${data.y}px` : '';
  element.style.right = element.style.bottom = '';
  // Centred on the card's outer edge (the offsets count from inside the border): the tip half sticks out.
  element.style[OPPOSITE[side]] = `${-ARROW_SIZE / 2 - BORDER}px`;
  element.dataset.side = side;
}

/** The line of a wrapped term under the pointer; undefined without a pointer (then the line nearest the card). */
export function findLineAt(
  anchor: Element | VirtualAnchor,
  point: { x: number; y: number } | undefined,
): number | undefined {
  if (!point) return undefined;
  const rects = Array.from(anchor.getClientRects());
  const index = rects.findIndex(
    (rect) =>
      point.x >= rect.left - 2 &&
      point.x <= rect.right + 2 &&
      point.y >= rect.top - 2 &&
      point.y <= rect.bottom + 2,
  );
  return index < 0 ? undefined : index;
}
