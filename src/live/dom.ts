// Small DOM helpers every live-page module shares: written once, so no module carries its own copy.

/** `Node.ELEMENT_NODE` and friends as constants: minify to digits, and need no `Node` global (other realms). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

/** The node's parent, or, for a shadow root, its host: one step up the composed tree. */
export function composedParent(node: Node): Node | null {
  return (
    node.parentNode ?? (node.nodeType === DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? null) : null)
  );
}

/**
 * `work` wrapped so that nothing it throws escapes into the page (an event listener, an observer's callback):
 * the error goes to `onError`, which reports it.
 */
export function guard<A extends unknown[]>(
  work: (...args: A) => void,
  onError: (error: unknown) => void,
): (...args: A) => void {
  return (...args) => {
    try {
      work(...args);
    } catch (error) {
      onError(error);
    }
  };
}
