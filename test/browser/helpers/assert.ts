// Assertions the browser tests share, with messages that name what differs.
import { expect } from '@open-wc/testing';

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

/**
 * Every axe rule that applies (WCAG 2.x A/AA and best practices); fails listing what was found. The test file
 * imports 'axe-core' (it sets window.axe).
 */
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
