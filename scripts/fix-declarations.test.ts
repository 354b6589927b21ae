// The declaration fix-up: relative specifiers get the file extension node16/nodenext needs, lit's own packages
// become lit, and anything it cannot resolve is reported rather than guessed.
import { describe, expect, it } from 'vitest';
import { rewriteSpecifiers } from './fix-declarations';

const files = new Set([
  './match/find-terms.d.ts',
  './config.d.ts',
  './events/index.d.ts',
  '../definitions/types.d.ts',
]);
const exists = (path: string) => files.has(path);
const dependencies = new Set(['lit', 'parse5', '@floating-ui/dom']);

describe('rewriteSpecifiers', () => {
  it('adds .js to relative specifiers of declarations, /index.js for folders, in every import form', () => {
    const text = [
      "export { findTerms } from './match/find-terms';",
      'export type * from "./config";',
      "import type { X } from '../definitions/types';",
      "export declare const a: import('./events').A;",
      "import './config';",
    ].join('\n');
    expect(rewriteSpecifiers(text, exists, dependencies)).toEqual({
      text: [
        "export { findTerms } from './match/find-terms.js';",
        'export type * from "./config.js";',
        "import type { X } from '../definitions/types.js';",
        "export declare const a: import('./events/index.js').A;",
        "import './config.js';",
      ].join('\n'),
      unresolved: [],
    });
  });

  it('keeps dependencies, their subpaths and node: modules; names lit for lit-html', () => {
    const text = [
      "import { LitElement } from 'lit';",
      "import type { Directive } from 'lit/directive.js';",
      "import type { DefaultTreeAdapterMap } from 'parse5';",
      "import type { Readable } from 'node:stream';",
      'protected render(): import("lit-html").TemplateResult<1>;',
    ].join('\n');
    expect(rewriteSpecifiers(text, exists, dependencies).text).toBe(
      text.replace('import("lit-html")', 'import("lit")'),
    );
  });

  it('reports what it cannot resolve and leaves it as written', () => {
    const text =
      "export * from './missing';\nimport type { A } from 'undeclared';\nimport type { B } from 'lit-html/directive.js';";
    expect(rewriteSpecifiers(text, exists, dependencies)).toEqual({
      text,
      unresolved: ['./missing', 'undeclared', 'lit-html/directive.js'],
    });
  });
});
