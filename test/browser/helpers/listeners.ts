// Which event listeners are live: for tests that prove what the code under test adds is removed again.

export interface Listener {
  target: EventTarget;
  type: string;
  listener: unknown;
  capture: boolean;
}

/**
 * Records every listener added and removed while it runs (a listener counts by target, type, function and capture,
 * as the DOM counts it). `live()` lists those added meanwhile and not removed since.
 */
export function trackListeners(): { live(): Listener[]; stop(): void } {
  const prototype = EventTarget.prototype;
  const { addEventListener, removeEventListener } = prototype;
  const live: Listener[] = [];
  const captureOf = (options: unknown) =>
    typeof options === 'boolean' ? options : !!(options as AddEventListenerOptions | undefined)?.capture;
  const find = (item: Listener) =>
    live.findIndex(
      (other) =>
        other.target === item.target &&
        other.type === item.type &&
        other.listener === item.listener &&
        other.capture === item.capture,
    );
  prototype.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: unknown,
    options?: unknown,
  ) {
    const item = { target: this, type, listener, capture: captureOf(options) };
    if (listener && find(item) < 0) live.push(item);
    return addEventListener.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  };
  prototype.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: unknown,
    options?: unknown,
  ) {
    const index = find({ target: this, type, listener, capture: captureOf(options) });
    if (index >= 0) live.splice(index, 1);
    return removeEventListener.call(this, type, listener as EventListener, options as EventListenerOptions);
  };
  return {
    live: () => [...live],
    stop() {
      prototype.addEventListener = addEventListener;
      prototype.removeEventListener = removeEventListener;
    },
  };
}
