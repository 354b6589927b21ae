import { composedParent } from './dom';

/** Whether `node` is `ancestor` or lies under it (across shadow roots). */
export function isUnder(node: Node, ancestor: Node): boolean {
  if (ancestor.contains(node)) return true;
  for (let current: Node | null = node; current;) {
    if (current === ancestor) return true;
    current = composedParent(current);
  }
  return false;
}
