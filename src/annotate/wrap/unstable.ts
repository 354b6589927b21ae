// Text nodes the host rewrote so often in reply to the annotation (see heal.ts) that they are no longer wrapped.
export const unstable = new WeakSet<Text>();

/** Whether the host rewrote this text node so often in reply to the annotation that it is no longer wrapped. */
export function isUnstable(text: Text): boolean {
  return unstable.has(text);
}
