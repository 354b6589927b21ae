// White-space collapsing for Lit `html` templates: exact outputs, refusals, and a parse5 property: the collapsed
// markup parses to the same tree, text white space runs aside.
import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { collapseHtml } from './collapse-html';

type ChildNode = DefaultTreeAdapterMap['childNode'];

describe('collapseHtml', () => {
  it('joins attributes with one space and drops white space before > (closing tags included)', () => {
    expect(
      collapseHtml([
        '<div\n  part="card"\n  class=',
        '\n  @click=',
        '\n>\n  <span\n    >',
        '</span\n  >\n</div>',
      ]),
    ).toEqual(['<div part="card" class=', ' @click=', '> <span>', '</span> </div>']);
  });

  it('turns each run of white space in text into one space and keeps the text', () => {
    expect(collapseHtml(['\n  <p>数字  社会\n   一件事</p>\n'])).toEqual([' <p>数字 社会 一件事</p> ']);
  });

  it('copies quoted attribute values and comments as written, across expressions too', () => {
    expect(
      collapseHtml(['<p title="a\n   b" class="x  ', "  y\"  data-a='  '>  <!--  keep\n  me  -->  </p>"]),
    ).toEqual(['<p title="a\n   b" class="x  ', "  y\" data-a='  '> <!--  keep\n  me  --> </p>"]);
  });

  it('keeps the space before /> and treats `<` before an expression as a tag (static tag names)', () => {
    expect(collapseHtml(['<svg><path d="M6 6" />\n</svg>'])).toEqual(['<svg><path d="M6 6" /> </svg>']);
    expect(collapseHtml(['<', ' id="t"\n  ><b>x</b></', '\n>'])).toEqual(['<', ' id="t"><b>x</b></', '>']);
  });

  it('leaves a lone < in text as text', () => {
    expect(collapseHtml(['a <  b'])).toEqual(['a < b']);
  });

  it('refuses templates with preformatted or raw-text elements and line continuations', () => {
    for (const tag of ['pre', 'textarea', 'script', 'style', 'xmp', 'listing', 'plaintext'])
      expect(collapseHtml([`<div><${tag}>  a\n  b</${tag}></div>`]), tag).toBeUndefined();
    expect(collapseHtml(['<p>a\\\n  b</p>'])).toBeUndefined();
  });

  it('parses to the same tree, attributes exact, text equal once white space runs are one space', () => {
    const token = fc.constantFrom(
      '<p>',
      '</p>',
      '<span class="a  b">',
      '</span\n  >',
      "<b\n  title='x\n y'\n>",
      '</b>',
      '<br />',
      ' ',
      '\n    ',
      '\t',
      '数字',
      'a',
      '<!-- c\n  d -->',
      '<img alt="  " src=x\n>',
      '&amp;',
      '<',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const source = tokens.join('');
        const collapsed = collapseHtml([source]);
        expect(collapsed).toBeDefined();
        expect(describeTree(parseFragment(collapsed![0]!).childNodes)).toEqual(
          describeTree(parseFragment(source).childNodes),
        );
      }),
      { numRuns: 500 },
    );
  });
});

/** The tree as plain data; adjacent text merged and its white space runs made one space, as rendering sees it. */
function describeTree(nodes: ChildNode[]): unknown[] {
  const out: unknown[] = [];
  for (const node of nodes) {
    if (node.nodeName === '#text') {
      const text = (node as DefaultTreeAdapterMap['textNode']).value.replace(/[ \t\n\r\f]+/g, ' ');
      if (typeof out.at(-1) === 'string') out[out.length - 1] = `${out.at(-1) as string}${text}`;
      else out.push(text);
    } else if (node.nodeName === '#comment') {
      out.push({ comment: (node as DefaultTreeAdapterMap['commentNode']).data });
    } else {
      const element = node as DefaultTreeAdapterMap['element'];
      out.push({ tag: element.tagName, attrs: element.attrs, children: describeTree(element.childNodes) });
    }
  }
  return out;
}
