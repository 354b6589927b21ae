import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replaceLitPolicy } from './lit-trusted-types';

const litHtmlDir = fileURLToPath(new URL('../node_modules/lit-html/', import.meta.url));

describe('litTrustedTypes', () => {
  for (const build of ['lit-html.js', 'development/lit-html.js']) {
    it(`takes lit-html's policy from dszd-term in ${build}`, () => {
      const source = readFileSync(litHtmlDir + build, 'utf8');
      const out = replaceLitPolicy(source, '"./policy.js"');
      expect(out).not.toMatch(/createPolicy\(\s*['"]lit-html/);
      expect(out.startsWith('import { getTrustedTypesPolicy as __dszdPolicy } from "./policy.js";\n')).toBe(
        true,
      );
      expect(out).toContain('__dszdPolicy() || void 0 : void 0)');
      // nothing else changed
      expect(out.length - source.length).toBeLessThan(200);
    });
  }

  it('fails loudly when lit changes how it creates its policy', () => {
    expect(() => replaceLitPolicy('const policy = undefined;', '"x"')).toThrow(/update the plugin/);
  });
});
