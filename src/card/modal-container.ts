import { composedParent } from '../live/dom';

/**
 * The open modal `<dialog>` an element sits in, crossing shadow roots, if any. While a modal dialog is open,
 * everything outside it is inert: a card opened for a term inside it must live inside it too.
 *
 * Safari before 15.4 and Firefox before 98 have no `HTMLDialogElement` (no dialog is modal there); Chrome before 105
 * has dialogs but not the `:modal` selector (see isModal).
 */
export function findModalContainer(element: Element): HTMLDialogElement | undefined {
  const Dialog = element.ownerDocument.defaultView?.HTMLDialogElement;
  if (typeof Dialog !== 'function') return undefined;
  for (let node: Node | null = element; node;) {
    if (node instanceof Dialog && isModal(node)) return node;
    node = composedParent(node);
  }
  return undefined;
}

/**
 * `:modal`, or where the selector is unknown (it throws), what the browser's own style sheet gives a modal dialog
 * and not a plain open one: `position: fixed`.
 */
function isModal(dialog: HTMLDialogElement): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return dialog.open && getComputedStyle(dialog).position === 'fixed';
  }
}
