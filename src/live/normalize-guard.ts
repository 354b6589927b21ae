/**
 * `Node.prototype.normalize()` removes empty text nodes and merges adjacent ones. The annotator leaves a host's text
 * node empty when a term starts it (the node keeps its identity and place, see `splitOffDocument`), so a normalize() of
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
  after(): void;
  /** Reports a failure of before/after. */
  onError(error: unknown): void;
}

const listeners = new Set<NormalizeListener>();
const patched = new WeakSet<object>();

/** Starts telling `listener` about normalize() calls in the realm of `doc`. Returns the function that stops it. */
export function watchNormalize(doc: Document, listener: NormalizeListener): () => void {
  const proto = ((doc.defaultView as { Node?: typeof Node } | null)?.Node ?? Node).prototype;
  if (!patched.has(proto)) {
    patched.add(proto);
    const native = proto.normalize;
    try {
      proto.normalize = function (this: Node, ...args: []) {
        const current = [...listeners];
        for (const each of current) notify(each, () => each.before(this));
        try {
          native.apply(this, args);
        } finally {
          for (const each of current) notify(each, () => each.after());
        }
      };
    } catch {
      // A frozen prototype: normalize() stays the browser's, healing still keeps the text it can.
    }
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(listener: NormalizeListener, call: () => void): void {
  try {
    call();
  } catch (error) {
    try {
      listener.onError(error);
    } catch {
      // never into the host's call
    }
  }
}
