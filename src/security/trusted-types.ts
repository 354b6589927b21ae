/**
 * dszd-term's one Trusted Types policy, `dszd-term`, shared by every copy of the library on a page (the drop-in
 * script's stages and the glossary script each bundle this module; a second `createPolicy` with the same name throws
 * unless the page allows duplicates).
 *
 * Pages with `Content-Security-Policy: require-trusted-types-for 'script'` reject plain strings in `innerHTML` (how
 * Lit creates its templates) and in `script.src` (how the drop-in loads its card). Such a page lists the policies it
 * accepts in `trusted-types …`; it allows dszd-term by adding `dszd-term` there. Lit's own policy name, `lit-html`,
 * is not used by the bundled scripts: a host that already uses Lit owns that name.
 */

/** The policy name a page lists in its `trusted-types` directive. */
export const POLICY_NAME = 'dszd-term';

/** The part of a Trusted Types policy dszd-term uses (lib.dom does not describe Trusted Types yet). */
export interface DszdTrustedPolicy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createHTML(input: string): string; createScriptURL(input: string): string },
  ): DszdTrustedPolicy;
}

/** What the first copy found; later copies read it instead of trying again. */
interface PolicyState {
  /** The policy, or null when the page refused it; undefined while not asked yet. */
  policy: DszdTrustedPolicy | null | undefined;
  /** Whether the page rejects plain strings in HTML sinks (only probed when the policy was refused). */
  enforced: boolean | undefined;
  /** Whether the refusal was reported already (once per page). */
  reported: boolean;
}

const STATE_KEY = Symbol.for('dszd-term.trusted-types');

function getState(): PolicyState {
  const holder = globalThis as unknown as Record<symbol, PolicyState | undefined>;
  return (holder[STATE_KEY] ??= { policy: undefined, enforced: undefined, reported: false });
}

function getFactory(): TrustedTypesFactory | undefined {
  return (globalThis as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
}

/**
 * The shared policy: undefined where the browser has no Trusted Types (plain strings are fine there), null where the
 * page's CSP refuses a policy named `dszd-term`. Never throws.
 */
export function getTrustedTypesPolicy(): DszdTrustedPolicy | null | undefined {
  const factory = getFactory();
  if (!factory) return undefined;
  const state = getState();
  if (state.policy !== undefined) return state.policy;
  try {
    state.policy = factory.createPolicy(POLICY_NAME, {
      // Only Lit's template text and our own style/markup go through createHTML: never page text or definitions,
      // which are always set as text.
      createHTML: (input) => input,
      createScriptURL: (input) => {
        if (!/^https?:\/\//i.test(input)) throw new TypeError(`dszd-term: refused script URL ${input}`);
        return input;
      },
    });
  } catch {
    state.policy = null;
  }
  return state.policy;
}

/**
 * Whether dszd-term may put markup into the page (Lit templates) and load its own scripts here: true without Trusted
 * Types, with the policy, or where the page merely lists policies without requiring them.
 */
export function canUseHtmlSinks(doc: Document = document): boolean {
  const policy = getTrustedTypesPolicy();
  if (policy !== null) return true;
  const state = getState();
  if (state.enforced === undefined) {
    try {
      // A page that requires Trusted Types rejects this string (and reports one violation, once per page).
      doc.createElement('template').innerHTML = '';
      state.enforced = false;
    } catch {
      state.enforced = true;
    }
  }
  return !state.enforced;
}

/**
 * The message for a page that requires Trusted Types and refused the policy, or null the second time on a page (it is
 * reported once).
 */
export function takeTrustedTypesRefusal(): Error | null {
  const state = getState();
  if (state.reported) return null;
  state.reported = true;
  return new Error(
    `this page requires Trusted Types: add the policy to its CSP ("trusted-types ${POLICY_NAME}") to show definitions`,
  );
}

/** The value for `script.src`: a TrustedScriptURL where the page has Trusted Types, the string elsewhere. */
export function toScriptUrl(url: string): string {
  const policy = getTrustedTypesPolicy();
  return policy ? (policy.createScriptURL(url) as string) : url;
}
