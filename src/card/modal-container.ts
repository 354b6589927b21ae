import { composedParent } from '../live/dom';

/**
 * The open modal `<dialog>` an element sits in, crossing shadow roots, if any. While a modal dialog is open,
 * everything outside it is inert: a card opened for a term inside it must live inside it too.
 */
export function findModalContainer(element: Element): HTMLDialogElement | undefined {
  for (let node: Node | null = element; node;) {
    if (node instanceof HTMLDialogElement && node.matches(':modal')) return node;
    node = composedParent(node);
  }
  return undefined;
}
