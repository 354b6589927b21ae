// The CSS minifier for Lit `css` templates: exact outputs for each rule, and where it must refuse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minifyCss } from './minify-css';

describe('minifyCss', () => {
  it('drops comments and white space around braces, semicolons, commas and colons', () => {
    const css = `
      :host {
        /* a comment */
        display: block;
        font-family: system-ui, 'PingFang SC', sans-serif;
      }

      .a > .b ,
      .c { color: red !important ; }
    `;
    expect(minifyCss([css])).toEqual([
      ":host{display:block;font-family:system-ui,'PingFang SC',sans-serif}.a>.b,.c{color:red!important}",
    ]);
  });

  it('drops every semicolon before a closing brace, empty declarations too (the minified text is final)', () => {
    expect(minifyCss(['a { color: red;; }', ';;}'])).toEqual(['a{color:red}', '}']);
  });

  it('keeps the space that is a descendant combinator before a pseudo-class', () => {
    expect(minifyCss(['.a :hover , .b::after { x: y }'])).toEqual(['.a :hover,.b::after{x:y}']);
  });

  it('keeps the space before a parenthesis in a media query and around calc() operators', () => {
    expect(
      minifyCss(['@media screen and ( min-width: 1px ) { .a { width: calc(100% - 16px + 2px) } }']),
    ).toEqual(['@media screen and (min-width:1px){.a{width:calc(100% - 16px + 2px)}}']);
  });

  it('copies strings as written, comment-like text and white space included', () => {
    expect(minifyCss([`.a::before { content: '  /* not a comment */  '; quotes: "\\"" "x  y"; }`])).toEqual([
      `.a::before{content:'  /* not a comment */  ';quotes:"\\"" "x  y"}`,
    ]);
  });

  it('keeps an escape with the character after it', () => {
    expect(minifyCss(['.a\\ b { x: 1 }'])).toEqual(['.a\\ b{x:1}']);
  });

  it('minifies around expressions and returns one part per literal part', () => {
    expect(minifyCss(['\n  .arrow {\n    width: ', 'px;\n    height: ', 'px;\n  }\n'])).toEqual([
      '.arrow{width:',
      'px;height:',
      'px}',
    ]);
  });

  it('refuses an expression inside a comment, an unclosed comment or string, a NUL in the source', () => {
    expect(minifyCss(['.a { /* ', ' */ }'])).toBeUndefined();
    expect(minifyCss(['.a { x: 1 } /* open'])).toBeUndefined();
    expect(minifyCss([".a { content: 'open }"])).toBeUndefined();
    expect(minifyCss([".a { content: '", "' }"])).toBeUndefined();
    expect(minifyCss(['.a { x: 1 }\u0000'])).toBeUndefined();
  });

  it('is idempotent and never leaves a comment or a run of spaces outside strings', () => {
    const token = fc.constantFrom(
      '.a',
      ' ',
      '\n  ',
      '{',
      '}',
      ';',
      ':',
      ',',
      '>',
      '(',
      ')',
      'x',
      '1px',
      '/* c */',
      '!important',
      '+',
      '-',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const once = minifyCss([tokens.join('')]);
        expect(once).toBeDefined();
        expect(minifyCss(once!)).toEqual(once);
        expect(once![0]).not.toMatch(/\/\*|\s\s|\n|^\s|\s$/);
      }),
    );
  });
});
