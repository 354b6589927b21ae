import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { findSharedCard, removeSharedCard } from '../../../src/card/card-host';
import type { DszdCard } from '../../../src/card/dszd-card';
import { resetTermsConfig } from '../../../src/config/terms-config';
import '../../../src/define';

/** The shared card, which must exist. */
export function sharedCard(): DszdCard {
  const card = findSharedCard();
  if (!card) throw new Error('no shared card');
  return card;
}

/** The card surface (the popover in the card's shadow root). */
export function surfaceOf(card: DszdCard = sharedCard()): HTMLElement {
  const surface = card.cardElement;
  if (!surface) throw new Error('card not rendered');
  return surface;
}

/** Whether the shared card is open and visible in the top layer. */
export function isCardOpen(): boolean {
  const card = findSharedCard();
  if (!card?.open) return false;
  const surface = surfaceOf(card);
  // shown and placed (until placed it is laid out hidden)
  return (
    surface.matches(':popover-open') &&
    getComputedStyle(surface).display !== 'none' &&
    surface.classList.contains('placed')
  );
}

/** A part of the card by name. */
export function cardPart(name: string): HTMLElement | null {
  return (
    surfaceOf().querySelector<HTMLElement>(`[part~="${name}"]`) ??
    (surfaceOf().matches(`[part~="${name}"]`) ? surfaceOf() : null)
  );
}

/** The integer centre of an element's first line box, for sendMouse. */
/** The pointer event fields of a finger on the middle of `element` (a touch has no hover). */
export function touchAt(element: Element): PointerEventInit {
  const [x, y] = centreOf(element);
  return { pointerType: 'touch', bubbles: true, composed: true, isPrimary: true, clientX: x, clientY: y };
}

export function centreOf(element: Element, line = 0): [number, number] {
  const rect = element.getClientRects()[line] ?? element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

/** Moves the real mouse to an element's centre. */
export async function hover(element: Element): Promise<void> {
  await sendMouse({ type: 'move', position: centreOf(element) });
}

/** Puts the page back: no card, no config, mouse at rest. */
export async function resetPage(): Promise<void> {
  removeSharedCard();
  resetTermsConfig();
  await resetMouse();
  (document.activeElement as HTMLElement | null)?.blur?.();
}

/** A short name for a node in failure messages (the runner stalls when it must serialize a DOM node). */
export function describeNode(node: unknown): string {
  if (node === null || node === undefined) return String(node);
  if (node instanceof Element) {
    const text = (node.textContent ?? '').trim().slice(0, 20);
    return `<${node.localName}${node.id ? `#${node.id}` : ''}>${text}`;
  }
  if (Array.isArray(node)) return `[${node.map(describeNode).join(', ')}]`;
  return typeof node === 'object' ? Object.prototype.toString.call(node) : String(node);
}

/** Asserts identity of nodes (or arrays of nodes) with a readable message. */
export function expectSame(actual: unknown, expected: unknown, what = 'node'): void {
  const same =
    Array.isArray(actual) && Array.isArray(expected)
      ? actual.length === expected.length && actual.every((item, i) => item === expected[i])
      : actual === expected;
  expect(same, `${what}: got ${describeNode(actual)}, expected ${describeNode(expected)}`).to.equal(true);
}

interface AxeResult {
  violations: Array<{
    id: string;
    impact: string;
    nodes: Array<{ target: unknown[]; failureSummary?: string }>;
  }>;
}
interface Axe {
  run(context: Node, options?: object): Promise<AxeResult>;
}

/** Every axe rule that applies (WCAG 2.x A/AA and best practices); fails listing what was found. */
export async function expectNoViolations(): Promise<void> {
  const { violations } = await (window as unknown as { axe: Axe }).axe.run(document, {
    resultTypes: ['violations'],
  });
  const found = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join('; ')}`,
  );
  expect(found).to.deep.equal([]);
}
