// The build's CSS minifier (scripts/minify-css.ts) on the real component styles: Chromium parses the minified text
// into exactly the rules it parses from the source.
import { expect } from '@open-wc/testing';
import { minifyCss } from '../../../scripts/minify-css';
import { cardStyles } from '../../../src/card/dszd-card.styles';
import { glossaryStyles } from '../../../src/glossary/dszd-glossary.styles';
import { termStyles } from '../../../src/term/dszd-term.styles';

/**
 * The rules Chromium parses from a style sheet, serialized. Values with var() and `@supports` conditions keep their
 * source tokens, white space included, where it means nothing (after a comma or a colon, inside parentheses): that
 * white space is made equal on both sides.
 */
function parseRules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) =>
    rule.cssText
      .replace(/\s+/g, ' ')
      .replace(/\s*,\s*/g, ',')
      .replace(/:\s+/g, ':')
      .replace(/\(\s+/g, '(')
      .replace(/\s+\)/g, ')'),
  );
}

describe('minifyCss on the component styles', () => {
  // the term's styles are a plain string: its element is not a Lit element
  const styles: [string, string][] = [
    ['card', cardStyles.cssText],
    ['term', termStyles],
    ['glossary', glossaryStyles.cssText],
  ];
  for (const [name, text] of styles) {
    it(`${name}: same rules, fewer bytes`, () => {
      const [minified] = minifyCss([text])!;
      const rules = parseRules(text);
      expect(rules.length, 'rules parsed').to.be.greaterThan(3);
      expect(parseRules(minified!)).to.deep.equal(rules);
      expect(minified!.length).to.be.lessThan(text.length);
    });
  }
});
