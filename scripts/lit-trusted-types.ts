import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// `trustedTypes.createPolicy('lit-html', { createHTML: (s) => s })` in lit-html's development and production builds.
const LIT_POLICY =
  /(\w+)\.createPolicy\(\s*(['"])lit-html\2\s*,\s*\{\s*createHTML\s*:\s*\(?\s*(\w+)\s*\)?\s*=>\s*\3\s*,?\s*\}\s*\)/;
const LIT_HTML_MODULE = /[\\/]node_modules[\\/]lit-html[\\/](?:development[\\/])?lit-html\.js$/;
/** What the transform makes lit-html import (by path from the project root): stage sharing must hand it on too. */
export const LIT_POLICY_IMPORT = {
  module: 'src/security/trusted-types.ts',
  name: 'getTrustedTypesPolicy',
} as const;
const POLICY_MODULE = fileURLToPath(new URL(`../${LIT_POLICY_IMPORT.module}`, import.meta.url));

/**
 * For the self-contained scripts, which bundle their own lit: lit-html's Trusted Types policy becomes dszd-term's
 * shared one. Lit names its policy `lit-html` and creates it when the module loads; on a page whose CSP lists only
 * other names (or `'none'`) that throws before anything runs, and on a page that uses Lit itself the name is taken.
 */
export function litTrustedTypes(): Plugin {
  return {
    name: 'dszd-lit-trusted-types',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!LIT_HTML_MODULE.test(id)) return null;
      return { code: replaceLitPolicy(code, JSON.stringify(POLICY_MODULE)), map: null };
    },
  };
}

/** lit-html's module text with its policy taken from `policyModule` (a quoted specifier); throws if lit changed. */
export function replaceLitPolicy(code: string, policyModule: string): string {
  const match = LIT_POLICY.exec(code);
  if (!match)
    throw new Error(
      'lit-trusted-types: lit-html no longer creates its policy as expected; update the plugin',
    );
  const replaced = `(${match[1]} ? __dszdPolicy() || void 0 : void 0)`;
  return (
    `import { ${LIT_POLICY_IMPORT.name} as __dszdPolicy } from ${policyModule};\n` +
    code.slice(0, match.index) +
    replaced +
    code.slice(match.index + match[0].length)
  );
}
