/**
 * `Node.prototype.normalize()` removes empty text nodes and merges adjacent ones. The annotator leaves a host's text
 * node empty when a term starts it (the node keeps its identity and place, see `wrapStretch`), so a normalize() of
 * the page would remove that node; healing would then read "the host removed its node" and drop the term and the
 * rest of the text with it, as it must when a framework removes its node. The two look alike in mutation records,
 * so normalize() is told apart where it is called: the annotations under the node unwrap first (the page is then
 * exactly as it was never annotated), the browser's normalize() runs on that, and the annotations plan again.
 *
 * The wrapper is installed once per realm, calls the original with the same receiver and arguments, and never lets
 * an annotation's failure escape into the caller (mark.js's `unmark()` calls normalize(), for one).
 */

export interface NormalizeListener {
  /** Before the browser's normalize() on `node`: unwrap what it would touch. */
  before(node: Node): void;
  /** After it: annotate again. */
  after(node: Node): void;
  /** Reports a failure of before/after. */
  onError(error: unknown): void;
}

const listeners = new Set<NormalizeListener>();
const patched = new WeakSet<object>();

/** Starts telling `listener` about normalize() calls in the realm of `doc`. Returns the function that stops it. */
export function watchNormalize(doc: Document, listener: NormalizeListener): () => void {
  install(doc);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function install(doc: Document): void {
  const NodeClass = (doc.defaultView as (Window & { Node?: typeof Node }) | null)?.Node ?? globalThis.Node;
  const proto = NodeClass?.prototype;
  if (!proto || patched.has(proto)) return;
  const native = proto.normalize;
  if (typeof native !== 'function') return;
  patched.add(proto);
  const normalize = function (this: Node, ...args: unknown[]): void {
    const current = [...listeners];
    for (const listener of current) notify(listener, 'before', this);
    try {
      Reflect.apply(native, this, args);
    } finally {
      for (const listener of current) notify(listener, 'after', this);
    }
  };
  try {
    Object.defineProperty(proto, 'normalize', {
      value: normalize,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  } catch {
    // A frozen prototype: normalize() stays the browser's, healing still keeps the text it can.
  }
}

function notify(listener: NormalizeListener, phase: 'before' | 'after', node: Node): void {
  try {
    listener[phase](node);
  } catch (error) {
    try {
      listener.onError(error);
    } catch {
      // never into the host's call
    }
  }
}
