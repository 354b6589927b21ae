// annotateHtml against random HTML: the output minus the insertions is the input, and what got tagged is exactly
// what findTerms finds in each text run. The expectation is computed independently: parse5's default tree (not the
// domhandler tree the tagger uses), a recursive walk (not textRuns) and the skip/boundary tags written out below.
import fc from 'fast-check';
import { parse, parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { annotateHtml } from '../../../src/html/annotate-html';
import { findEntry, findTerms } from '../../../src/match/find-terms';
import { stripInsertedTags } from './strip-inserted-tags';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The tags the generator writes whose text the rules skip, and the ones that end a run. */
const SKIPPED = new Set(['a', 'code', 'script', 'style', 'textarea', 'title', 'h2', 'svg', 'dszd-term']);
const BOUNDARIES = new Set([
  'p',
  'div',
  'ul',
  'li',
  'table',
  'tbody',
  'tr',
  'td',
  'br',
  'img',
  'h2',
  'body',
  'head',
  'html',
]);

// Source text pieces: whole terms, halves of terms (joined across inline tags), quotes, references, line breaks.
const WORDS = [
  '数字',
  '社会',
  '数字社会',
  '城市',
  '大脑',
  '城市大脑',
  '“总对总”服务',
  '总对总',
  '服务',
  '教育',
  '“一张图”',
  '教育&ldquo;一张图&rdquo;',
  '&ldquo;',
  '&rdquo;',
  '“',
  '”',
  '的',
  '和',
  ' ',
  '\r\n',
  '\n',
  '\r',
  '\t',
  '&amp;',
  '&nbsp;',
  '&#x6570;',
  '&#23383;',
  '&lt;',
  '&copy',
  '养老大脑',
  '智慧养老',
  '+',
  '未来',
  '社区',
  'abc',
  '更多',
  '多跨',
  '场景',
  '&',
  '> ',
];
const ATTRIBUTES = ['', ' title="数字社会"', " data-x='城市>大脑'", ' class="n"', ' lang=zh'];

const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 })
  .map((words) => words.join(''));
const attribute = fc.constantFrom(...ATTRIBUTES);
// Terms cut by inline markup, so that matches split into pieces are common.
const split = fc.constantFrom(
  '数字<b>社会</b>',
  '城<i>市大</i>脑',
  '&ldquo;总对<span>总&rdquo;服务</span>',
  '教育<em>“一张</em>图”',
  '智慧<b></b>养老',
  '数字<!--c-->社会',
  '未来<wbr>社区',
  '<font>数&#x5B57;</font>社\r\n会',
);
const leaf = fc.oneof(
  { weight: 8, arbitrary: text },
  { weight: 3, arbitrary: split },
  fc.constantFrom(
    '<wbr>',
    '<br>',
    '<img alt="数字社会">',
    '<!--数字社会-->',
    '<!-- 城 -->',
    '<a href="#">数字社会</a>',
    '<code>城市大脑</code>',
    '<span data-dszd-skip>未来社区</span>',
    '<dszd-term term="数字社会" data-pre>数字社会</dszd-term>',
    '<dszd-term term="智慧养老" data-pre>智慧养老</dszd-term>',
    '<script>var a = "数字社会</p>";</script>',
    '<style>/* 城市大脑 */</style>',
    '<textarea>数字社会</textarea>',
    '<title>城市大脑</title>',
    '<svg><![CDATA[数字社会]]><text>城市大脑</text></svg>',
  ),
);

function phrasing(depth: number): fc.Arbitrary<string> {
  if (depth <= 0) return leaf;
  const inline = fc
    .tuple(
      fc.constantFrom('b', 'i', 'span', 'em', 'font'),
      attribute,
      fc.array(phrasing(depth - 1), { maxLength: 3 }),
    )
    .map(([name, attrs, children]) => `<${name}${attrs}>${children.join('')}</${name}>`);
  return fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 2, arbitrary: inline });
}

function flow(depth: number): fc.Arbitrary<string> {
  const inline = phrasing(2);
  if (depth <= 0) return inline;
  const children = fc.array(flow(depth - 1), { maxLength: 3 }).map((items) => items.join(''));
  const phrases = fc.array(inline, { maxLength: 4 }).map((items) => items.join(''));
  return fc.oneof(
    { weight: 3, arbitrary: inline },
    fc.tuple(attribute, phrases).map(([attrs, inner]) => `<p${attrs}>${inner}</p>`),
    children.map((inner) => `<div>${inner}</div>`),
    fc
      .array(children, { minLength: 1, maxLength: 2 })
      .map((items) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`),
    fc
      .array(fc.array(children, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
      .map(
        (rows) =>
          `<table>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`,
      ),
    phrases.map((inner) => `<h2>${inner}</h2>`),
  );
}

const page = fc
  .tuple(fc.array(flow(3), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([parts, whole]) =>
    whole
      ? `<!DOCTYPE html>\r\n<html><head><title>数字社会</title></head><body>${parts.join('\r\n')}</body></html>`
      : parts.join(''),
  );

function parseAny(html: string): Node {
  return /^<!doctype/i.test(html) ? parse(html) : parseFragment(html);
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function isSkipped(element: Element): boolean {
  return SKIPPED.has(element.tagName) || element.attrs.some((attr) => attr.name === 'data-dszd-skip');
}

/** The decoded text runs, by an independent recursive walk of parse5's default tree. */
function collectRuns(root: Node): string[] {
  const runs: string[] = [];
  let run = '';
  const flush = () => {
    if (run) runs.push(run);
    run = '';
  };
  const walk = (node: Node) => {
    for (const child of 'childNodes' in node ? node.childNodes : []) {
      if (child.nodeName === '#text') run += (child as DefaultTreeAdapterMap['textNode']).value;
      else if (isElement(child)) {
        if (isSkipped(child)) {
          flush();
          continue;
        }
        const ends = BOUNDARIES.has(child.tagName);
        if (ends) flush();
        walk(child);
        if (ends) flush();
      }
    }
  };
  walk(root);
  flush();
  return runs;
}

interface Tagged {
  term: string;
  text: string;
}

/** What the runs of the input should get tagged: every findTerms match, or the first per entry not pre-tagged. */
function expectTagged(input: Node, occurrence: 'all' | 'first'): Tagged[] {
  const seen = new Set<number>();
  if (occurrence === 'first')
    for (const element of collectElements(input, 'dszd-term'))
      seen.add(findEntry(attr(element, 'term')!)!.serial);
  const expected: Tagged[] = [];
  for (const run of collectRuns(input))
    for (const match of findTerms(run)) {
      if (occurrence === 'first' && seen.has(match.serial)) continue;
      seen.add(match.serial);
      expected.push({ term: match.term, text: run.slice(match.start, match.end) });
    }
  return expected;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function collectElements(root: Node, tagName: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if (isElement(node) && node.tagName === tagName) found.push(node);
    const children =
      isElement(node) && node.tagName === 'template' ? [] : 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child);
  };
  walk(root);
  return found;
}

function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textContent).join('') : '';
}

/** What the output really tags, read back by parsing it: the pieces of one match joined by their shared id. */
function readTagged(output: Node): Tagged[] {
  const tagged: Tagged[] = [];
  let lastId: string | undefined;
  for (const element of collectElements(output, 'dszd-term')) {
    if (attr(element, 'data-pre') !== undefined) continue;
    const id = attr(element, 'data-dszd-match');
    const piece = textContent(element);
    if (id !== undefined && id === lastId) tagged[tagged.length - 1]!.text += piece;
    else tagged.push({ term: attr(element, 'term')!, text: piece });
    lastId = id;
  }
  return tagged;
}

/** The output's tree with the inserted elements unwrapped, serialized: it must be the input's tree. */
function serializeUnwrapped(output: Node): string {
  for (const element of collectElements(output, 'dszd-term')) {
    if (attr(element, 'data-pre') !== undefined) continue;
    const parent = element.parentNode!;
    const index = parent.childNodes.indexOf(element);
    for (const child of element.childNodes) child.parentNode = parent;
    parent.childNodes.splice(index, 1, ...element.childNodes);
  }
  return serialize(output as Element);
}

// Hundreds of random pages: seconds on a quiet machine, many more on a loaded one.
describe('annotateHtml on random HTML', { timeout: 120_000 }, () => {
  for (const occurrence of ['all', 'first'] as const) {
    it(`keeps every input character and tags exactly what findTerms finds (occurrence "${occurrence}")`, () => {
      fc.assert(
        fc.property(page, (html) => {
          const result = annotateHtml(html, { occurrence });
          expect(stripInsertedTags(result.html, result.insertions)).toBe(html);
          const input = parseAny(html);
          const output = parseAny(result.html);
          expect(readTagged(output)).toEqual(expectTagged(input, occurrence));
          expect(result.matches.map(({ term, text }) => ({ term, text }))).toEqual(readTagged(output));
          expect(serializeUnwrapped(output)).toBe(serialize(input as Element));
        }),
        { numRuns: 400 },
      );
    });
  }
});
