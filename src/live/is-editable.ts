import { DOCUMENT_FRAGMENT_NODE, DOCUMENT_NODE, ELEMENT_NODE } from './dom';

/** Whether text under `root` is editable: designMode, or the root (its host, its body) is in an editing host. */
export function isEditable(root: Node, doc: Document): boolean {
  if (doc.designMode === 'on') return true;
  let element: Node | null = root;
  if (root.nodeType === DOCUMENT_NODE) element = (root as Document).body;
  else if (root.nodeType === DOCUMENT_FRAGMENT_NODE) element = (root as ShadowRoot).host ?? null;
  return element?.nodeType === ELEMENT_NODE && (element as HTMLElement).isContentEditable === true;
}
