// The pointer and the keyboard as a reader uses them: the real mouse and keys (sendMouse / sendKeys), and taps as a
// phone delivers them (touch pointer events: a finger has no hover).
import { sendKeys, sendMouse } from '@web/test-runner-commands';

/**
 * The integer centre of a box of `element` (its `line`-th line box, or its whole box), for sendMouse. Inside a frame,
 * pass the frame: sendMouse takes the test page's coordinates.
 */
export function centreOf(element: Element, line = 0, frame?: HTMLIFrameElement): [number, number] {
  const rect = element.getClientRects()[line] ?? element.getBoundingClientRect();
  const offset = frame?.getBoundingClientRect() ?? { left: 0, top: 0 };
  return [
    Math.round(offset.left + rect.left + rect.width / 2),
    Math.round(offset.top + rect.top + rect.height / 2),
  ];
}

/** The integer centre of a range's first line box, for sendMouse. */
export function centreOfRange(range: Range): [number, number] {
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

/** Moves the real mouse to an element's centre (an element of a page in `frame`, if given). */
export async function hover(element: Element, frame?: HTMLIFrameElement): Promise<void> {
  await sendMouse({ type: 'move', position: centreOf(element, 0, frame) });
}

/** The pointer event fields of a finger on the middle of `element` (a touch has no hover). */
export function touchAt(element: Element): PointerEventInit {
  const [x, y] = centreOf(element);
  return touchInit(x, y);
}

function touchInit(x: number, y: number): PointerEventInit {
  return { pointerType: 'touch', bubbles: true, composed: true, isPrimary: true, clientX: x, clientY: y };
}

/** A finger down and up on `element`, at `init`'s point, as its window's PointerEvents (a page in a frame has its own). */
function touchDownUp(element: Element, init: PointerEventInit): void {
  const { PointerEvent } = element.ownerDocument.defaultView ?? window;
  element.dispatchEvent(new PointerEvent('pointerdown', init));
  element.dispatchEvent(new PointerEvent('pointerup', init));
}

/** A finger tap on the middle of an element: touch pointer events down and up (exactly there, not rounded). */
export function touchTap(element: Element): void {
  const rect = element.getBoundingClientRect();
  touchDownUp(element, touchInit(rect.left + rect.width / 2, rect.top + rect.height / 2));
}

/** A tap as a phone delivers it: touch pointer events, then the click. */
export function tap(element: HTMLElement): void {
  touchDownUp(element, touchAt(element));
  element.click();
}

/** A finger tap at a point: the pointer events a touch screen sends, on the element under it. */
export function tapAt([x, y]: [number, number]): void {
  touchDownUp(document.elementFromPoint(x, y)!, touchInit(x, y));
}

/** Presses a key for real; `Shift+Tab` or `Alt+ArrowDown` holds the modifier down around it. */
export async function press(key: string): Promise<void> {
  const [modifier, name] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: name! });
  if (modifier) await sendKeys({ up: modifier });
}
