import type { HighlightMatch } from './match-ranges';
import { guard as guardWith } from '../../live/dom';

/** What the pointer did to the highlighted matches. */
export interface PointerHandlers {
  /** The match under a point, if any. */
  hitTest(x: number, y: number): HighlightMatch | undefined;
  /** Whether an event's target lies under the annotated root (elsewhere no hit-testing is done). */
  isInside(target: EventTarget | null): boolean;
  /** The mouse or pen came onto a match. */
  enter(match: HighlightMatch, point: { x: number; y: number }): void;
  /** … and left it. */
  leave(match: HighlightMatch): void;
  /** A tap or a click on a match: open at once. */
  activate(match: HighlightMatch, point: { x: number; y: number }): void;
  onError(error: unknown): void;
}

/**
 * Follows the pointer over the page for highlight mode, on the document (capture, passive: the page's own handlers
 * are neither delayed nor stopped). Moves are hit-tested at most once per frame. Stops with `signal`.
 */
export function watchPointer(doc: Document, handlers: PointerHandlers, signal: AbortSignal): void {
  let current: HighlightMatch | undefined;
  let pending: { x: number; y: number; inside: boolean } | undefined;
  let scheduled = false;
  const options = { capture: true, passive: true, signal };
  const guard = <A extends unknown[]>(listener: (...args: A) => void) =>
    guardWith(listener, handlers.onError);

  const hover = (x: number, y: number, inside: boolean) => {
    const match = inside ? handlers.hitTest(x, y) : undefined;
    if (match === current) return;
    const previous = current;
    current = match;
    if (previous) handlers.leave(previous);
    if (match) handlers.enter(match, { x, y });
  };

  doc.addEventListener(
    'pointermove',
    guard((event: PointerEvent) => {
      // Touch has no hover: a tap opens at once.
      if (event.pointerType === 'touch') return;
      pending = { x: event.clientX, y: event.clientY, inside: handlers.isInside(event.target) };
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(
        guard(() => {
          scheduled = false;
          const point = pending;
          pending = undefined;
          if (point && !signal.aborted) hover(point.x, point.y, point.inside);
        }),
      );
    }),
    options,
  );
  // The pointer left the window.
  doc.addEventListener(
    'pointerout',
    guard((event: PointerEvent) => {
      if (event.relatedTarget === null && event.pointerType !== 'touch') hover(0, 0, false);
    }),
    options,
  );
  doc.addEventListener(
    'pointerup',
    guard((event: PointerEvent) => {
      if (event.pointerType !== 'touch' || !handlers.isInside(event.target)) return;
      const match = handlers.hitTest(event.clientX, event.clientY);
      if (match) handlers.activate(match, { x: event.clientX, y: event.clientY });
    }),
    options,
  );
  doc.addEventListener(
    'click',
    guard((event: MouseEvent) => {
      // Touch already opened on pointerup; a keyboard "click" (detail 0) has no point to test.
      if ((event as PointerEvent).pointerType === 'touch' || event.detail === 0) return;
      if (!handlers.isInside(event.target)) return;
      const match = handlers.hitTest(event.clientX, event.clientY);
      if (match) handlers.activate(match, { x: event.clientX, y: event.clientY });
    }),
    options,
  );
}
