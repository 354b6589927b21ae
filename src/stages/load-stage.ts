import { toScriptUrl } from '../security/trusted-types';

/**
 * The tag that loaded the first stage, read while it runs (`currentScript` is null afterwards; the drop-in's build
 * keeps the tag for the stage's evaluation in a task of its own: vite.config.ts, evaluateInOwnTask).
 */
const ownScript =
  typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? document.currentScript
    : null;

const loading = new Map<string, Promise<void>>();

/** Where a stage file lives: beside the first stage's own `src`, so a site folder and a CDN path both just work. */
export function resolveStageUrl(file: string, doc: Document = document): string {
  return new URL(file, ownScript?.src || doc.baseURI).href;
}

/**
 * Loads a stage file with a classic `<script>` (no CORS needed), once: concurrent callers share the request. On
 * failure (offline, 404, blocked by CSP) the element is removed and the promise rejects; the next call tries again.
 */
export function loadStageScript(file: string, doc: Document = document): Promise<void> {
  let promise = loading.get(file);
  if (promise) return promise;
  promise = new Promise<void>((resolve, reject) => {
    const url = resolveStageUrl(file, doc);
    const script = doc.createElement('script');
    // A TrustedScriptURL from dszd-term's policy on pages that require Trusted Types, the string elsewhere.
    script.src = toScriptUrl(url);
    script.async = true;
    if (ownScript?.nonce) script.nonce = ownScript.nonce;
    if (ownScript?.crossOrigin != null) script.crossOrigin = ownScript.crossOrigin;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener(
      'error',
      () => {
        script.remove();
        loading.delete(file);
        reject(new Error(`could not load ${url}`));
      },
      { once: true },
    );
    (doc.head ?? doc.documentElement).append(script);
  });
  loading.set(file, promise);
  return promise;
}
