import { describe, expect, it } from 'vitest';
import { annotateHtml, type AnnotateHtmlResult } from '../../../src/html/annotate-html';
import { AnnotateHtmlError, type AnnotateHtmlOptions } from '../../../src/html/options';
import { compileDefinitionSet } from '../../../src/definitions/compile';
import type { Element } from 'domhandler';
import { hashText } from '../../../src/html/hash-text';
import { parseHtml } from '../../../src/html/parse-html';
import { compileSkipTest } from '../../../src/html/parse5-adapter';
import { stripInsertedTags } from './strip-inserted-tags';
import { A11Y_SKIPPED_FRAGMENTS } from '../../shared/a11y-skip-fragments';

/** The markup annotateHtml writes around one piece. */
function tag(term: string, inner: string, id?: string): string {
  return `<dszd-term term="${term}"${id ? ` data-dszd-match="${id}"` : ''}>${inner}</dszd-term>`;
}

/** The n-th split-match id annotateHtml hands out for the input `html`. */
function matchId(html: string, n: number): string {
  return `dszd-h${hashText(html)}-${n}`;
}

/** Tags `html` and checks the one invariant every fixture shares: removing the insertions gives back the input. */
function annotate(html: string, options: AnnotateHtmlOptions = { occurrence: 'all' }): AnnotateHtmlResult {
  const result = annotateHtml(html, options);
  expect(stripInsertedTags(result.html, result.insertions)).toBe(html);
  return result;
}

describe('annotateHtml: fragments', () => {
  it('tags each occurrence in a paragraph', () => {
    const result = annotate('<p>数字社会是城市大脑的基础，数字社会。</p>');
    expect(result.html).toBe(
      `<p>${tag('数字社会', '数字社会')}是${tag('城市大脑', '城市大脑')}的基础，${tag('数字社会', '数字社会')}。</p>`,
    );
    expect(result.matches).toEqual([
      { term: '数字社会', serial: 1, text: '数字社会', start: 3, end: 7, pieces: 1 },
      { term: '城市大脑', serial: 4, text: '城市大脑', start: 8, end: 12, pieces: 1 },
      { term: '数字社会', serial: 1, text: '数字社会', start: 16, end: 20, pieces: 1 },
    ]);
  });

  it('tags only the first occurrence of each entry by default', () => {
    const result = annotate('<p>数字社会，数字社会</p><p>数字社会和城市大脑</p>', {});
    expect(result.html).toBe(
      `<p>${tag('数字社会', '数字社会')}，数字社会</p><p>数字社会和${tag('城市大脑', '城市大脑')}</p>`,
    );
  });

  it('tags plain text with no markup at all', () => {
    expect(annotate('未来社区').html).toBe(tag('未来社区', '未来社区'));
  });

  it('returns the input unchanged, and no insertions, when there is nothing to tag', () => {
    const html = '<p>没有术语</p>';
    expect(annotate(html)).toEqual({ html, matches: [], insertions: [] });
    expect(annotate('')).toEqual({ html: '', matches: [], insertions: [] });
  });

  it('writes the official term, attribute-escaped, for an alias', () => {
    expect(annotate('<p>智慧养老</p>').html).toBe(`<p>${tag('养老大脑+智慧养老', '智慧养老')}</p>`);
    expect(annotate('<p>教育一张图</p>').html).toBe(`<p>${tag('教育“一张图”', '教育一张图')}</p>`);
  });

  it('escapes & " < > in the term attribute of a custom set', () => {
    const set = compileDefinitionSet({
      title: 't',
      version: '1',
      issuer: 'i',
      date: '2022-04-12',
      entries: [{ serial: 1, term: 'A&"<b>', definition: ['d'], unit: 'u' }],
    });
    expect(annotate('<p>A&amp;"&lt;b&gt;</p>', { set }).html).toBe(
      '<p><dszd-term term="A&amp;&quot;&lt;b&gt;">A&amp;"&lt;b&gt;</dszd-term></p>',
    );
  });
});

describe('annotateHtml: whole documents', () => {
  it('tags the body of a document and leaves doctype, head and title alone', () => {
    const html =
      '<!DOCTYPE html>\n<html lang="zh">\n<head><meta charset="utf-8"><title>数字社会</title></head>\n' +
      '<body><h1>数字社会</h1><p>关于数字社会。</p></body>\n</html>\n';
    expect(annotate(html).html).toBe(
      '<!DOCTYPE html>\n<html lang="zh">\n<head><meta charset="utf-8"><title>数字社会</title></head>\n' +
        `<body><h1>数字社会</h1><p>关于${tag('数字社会', '数字社会')}。</p></body>\n</html>\n`,
    );
  });

  it('handles a document without html, head or body tags (implicit elements have no source location)', () => {
    expect(annotate('<!doctype html><title>x</title>城市大脑').html).toBe(
      `<!doctype html><title>x</title>${tag('城市大脑', '城市大脑')}`,
    );
  });

  it('keeps a byte order mark in place', () => {
    expect(annotate('\uFEFF<!doctype html><p>浙里家</p>').html).toBe(
      `\uFEFF<!doctype html><p>${tag('浙里家', '浙里家')}</p>`,
    );
    expect(annotate('\uFEFF浙里家').html).toBe(`\uFEFF${tag('浙里家', '浙里家')}`);
  });

  it('reads an XHTML page with an XML declaration as a document', () => {
    const html =
      '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html><body><p>浙农码</p></body></html>';
    expect(annotate(html).html).toBe(html.replace('浙农码', tag('浙农码', '浙农码')));
  });

  it('reads a document starting with comments and white space as a document', () => {
    const html =
      '\n<!-- 数字社会 -->\n<html><head><title>数字社会</title></head><body>数字社会</body></html>';
    expect(annotate(html).html).toBe(
      `\n<!-- 数字社会 -->\n<html><head><title>数字社会</title></head><body>${tag('数字社会', '数字社会')}</body></html>`,
    );
  });
});

describe('annotateHtml: malformed HTML', () => {
  it('handles a second <body> or <html> tag with attributes (the parser gives them to the first)', () => {
    const html =
      '<!DOCTYPE html><html><body><p>数字社会</p><body class="a" id="b"><html lang="zh"><p>城市大脑</p>';
    const { html: output } = annotateHtml(html, { occurrence: 'all' });
    expect(output).toBe(
      html.replace('数字社会', tag('数字社会', '数字社会')).replace('城市大脑', tag('城市大脑', '城市大脑')),
    );
    const body = (parseHtml(html).children[1] as Element).children[1] as Element;
    expect([body.name, { ...body.attribs }]).toEqual(['body', { class: 'a', id: 'b' }]);
    expect({ ...(parseHtml(html).children[1] as Element).attribs }).toEqual({ lang: 'zh' });
  });

  it('handles unclosed tags', () => {
    const html = '<p>数字社会<p>城市<b>大脑';
    const id = matchId(html, 1);
    expect(annotate(html).html).toBe(
      `<p>${tag('数字社会', '数字社会')}<p>${tag('城市大脑', '城市', id)}<b>${tag('城市大脑', '大脑', id)}`,
    );
  });

  it('handles a stray </p> (the parser makes an empty paragraph there: a boundary)', () => {
    expect(annotate('数字社会</p>城市大脑').html).toBe(
      `${tag('数字社会', '数字社会')}</p>${tag('城市大脑', '城市大脑')}`,
    );
    // "数字</p>社会": the empty <p> ends the run, so no term is read across it
    expect(annotate('数字</p>社会').html).toBe('数字</p>社会');
  });

  it('leaves a term alone when an ignored tag sits inside it, rather than tag around the tag', () => {
    // the stray </span> is dropped and the text merged into one node: no tag can wrap 数字社会 in the source
    const result = annotate('<p>数字社</span>会 城市大脑</p>');
    expect(result.html).toBe(`<p>数字社</span>会 ${tag('城市大脑', '城市大脑')}</p>`);
  });

  it('handles nested tables', () => {
    const html =
      '<table><tr><td>数字社会<table><tr><td>城市大脑</td><td>未来<i>社区</i></td></tr></table></td></tr></table>';
    const id = matchId(html, 1);
    expect(annotate(html).html).toBe(
      `<table><tr><td>${tag('数字社会', '数字社会')}<table><tr><td>${tag('城市大脑', '城市大脑')}</td>` +
        `<td>${tag('未来社区', '未来', id)}<i>${tag('未来社区', '社区', id)}</i></td></tr></table></td></tr></table>`,
    );
  });

  it('tags text the parser fosters out of a table where it stands in the source', () => {
    expect(annotate('<table><tr><td>x</td></tr>数字社会</table>').html).toBe(
      `<table><tr><td>x</td></tr>${tag('数字社会', '数字社会')}</table>`,
    );
  });

  it('handles misnested formatting elements (adoption agency)', () => {
    expect(annotate('<b>未来<p>社区</b>数字社会</p>').html).toBe(
      `<b>未来<p>社区</b>${tag('数字社会', '数字社会')}</p>`,
    );
  });
});

describe('annotateHtml: entities', () => {
  it('finds terms through named and numeric references, and tags whole references', () => {
    expect(annotate('<p>教育&ldquo;一张图&rdquo;与&#x201C;总对总&#8221;服务</p>').html).toBe(
      `<p>${tag('教育“一张图”', '教育&ldquo;一张图&rdquo;')}与${tag('“总对总”服务', '&#x201C;总对总&#8221;服务')}</p>`,
    );
  });

  it('finds terms with references inside them', () => {
    expect(annotate('<p>数&#23383;社会、城市&#x5927;脑、数字&nbsp;乡村</p>').html).toBe(
      `<p>${tag('数字社会', '数&#23383;社会')}、${tag('城市大脑', '城市&#x5927;脑')}、${tag('数字乡村', '数字&nbsp;乡村')}</p>`,
    );
  });

  it('keeps references next to a term outside the tag', () => {
    expect(annotate('<p>&amp;数字社会&lt;&gt;</p>').html).toBe(
      `<p>&amp;${tag('数字社会', '数字社会')}&lt;&gt;</p>`,
    );
  });

  it('decodes legacy references without a semicolon as the parser does', () => {
    // &copy is decoded (©), so the text reads ©数字社会
    expect(annotate('<p>&copy数字社会</p>').html).toBe(`<p>&copy${tag('数字社会', '数字社会')}</p>`);
  });

  it('maps CRLF and CR inside a term to the source', () => {
    expect(annotate('<p>数字\r\n社会\r城市\r大脑</p>').html).toBe(
      `<p>${tag('数字社会', '数字\r\n社会')}\r${tag('城市大脑', '城市\r大脑')}</p>`,
    );
  });
});

describe('annotateHtml: markup inside a term', () => {
  it('splits a term across inline elements, each piece with the same match id', () => {
    const html = '<p>数字<b>社会</b>与<span>城市</span><em>大脑</em></p>';
    const [one, two] = [matchId(html, 1), matchId(html, 2)];
    expect(annotate(html).html).toBe(
      `<p>${tag('数字社会', '数字', one)}<b>${tag('数字社会', '社会', one)}</b>与` +
        `<span>${tag('城市大脑', '城市', two)}</span><em>${tag('城市大脑', '大脑', two)}</em></p>`,
    );
  });

  it('reports a split match once, with its pieces', () => {
    expect(annotate('<p>数字<b>社会</b></p>').matches).toEqual([
      { term: '数字社会', serial: 1, text: '数字社会', start: 3, end: 10, pieces: 2 },
    ]);
  });

  it('does not read a term across <br> or a block', () => {
    expect(annotate('<p>数字<br>社会</p><div>城市</div>大脑').html).toBe(
      '<p>数字<br>社会</p><div>城市</div>大脑',
    );
  });

  it('reads a term across <wbr> and a comment', () => {
    const html = '<p>数字<wbr>社会 城市<!-- - -->大脑</p>';
    const [one, two] = [matchId(html, 1), matchId(html, 2)];
    expect(annotate(html).html).toBe(
      `<p>${tag('数字社会', '数字', one)}<wbr>${tag('数字社会', '社会', one)} ` +
        `${tag('城市大脑', '城市', two)}<!-- - -->${tag('城市大脑', '大脑', two)}</p>`,
    );
  });

  it('gives two different fragments disjoint match ids, and the same fragment the same ids', () => {
    const ids = (html: string) => [...html.matchAll(/data-dszd-match="([^"]+)"/g)].map((found) => found[1]);
    const first = annotate('<p>数字<b>社会</b></p>').html;
    const second = annotate('<p>未来<b>社区</b></p>').html;

    expect(new Set(ids(first)).size).toBe(1);
    expect(new Set(ids(second)).size).toBe(1);
    expect(ids(first)[0]).not.toBe(ids(second)[0]);
    expect(annotate('<p>数字<b>社会</b></p>').html).toBe(first);
  });

  it('keeps the match ids the document already uses and adds a new one', () => {
    const html =
      '<p><span data-dszd-match="dszd-h1">x</span><dszd-term term="未来乡村" data-dszd-match="dszd-h2">未来</dszd-term>' +
      '<dszd-term term="未来乡村" data-dszd-match="dszd-h2">乡村</dszd-term> 数字<b>社会</b></p>';
    const id = matchId(html, 1);
    expect(annotate(html).html).toBe(
      '<p><span data-dszd-match="dszd-h1">x</span><dszd-term term="未来乡村" data-dszd-match="dszd-h2">未来</dszd-term>' +
        `<dszd-term term="未来乡村" data-dszd-match="dszd-h2">乡村</dszd-term> ${tag('数字社会', '数字', id)}` +
        `<b>${tag('数字社会', '社会', id)}</b></p>`,
    );
  });
});

describe('annotateHtml: what is never tagged', () => {
  it('leaves attributes containing term text alone', () => {
    expect(annotate('<p title="数字社会" data-x=\'城市大脑\'><img alt="数字社会">未来社区</p>').html).toBe(
      `<p title="数字社会" data-x='城市大脑'><img alt="数字社会">${tag('未来社区', '未来社区')}</p>`,
    );
  });

  it('leaves comments alone', () => {
    expect(annotate('<!-- 数字社会 --><p><!--城市大脑-->未来社区</p>').html).toBe(
      `<!-- 数字社会 --><p><!--城市大脑-->${tag('未来社区', '未来社区')}</p>`,
    );
  });

  it('leaves CDATA in SVG (and SVG text) alone', () => {
    expect(annotate('<svg><![CDATA[数字社会]]><text>城市大脑</text></svg><p>未来社区</p>').html).toBe(
      `<svg><![CDATA[数字社会]]><text>城市大脑</text></svg><p>${tag('未来社区', '未来社区')}</p>`,
    );
  });

  it('leaves script, style, title, textarea, links, code and headings alone', () => {
    const html =
      '<script>var s = "数字社会";</script><style>/* 数字社会 */</style><title>数字社会</title>' +
      '<textarea>数字社会</textarea><a href="#">数字社会</a><code>数字社会</code><h2>数字社会</h2><p>数字社会</p>';
    expect(annotate(html).html).toBe(
      html.replace('<p>数字社会</p>', `<p>${tag('数字社会', '数字社会')}</p>`),
    );
  });

  it('leaves already-tagged terms alone and counts them for "first"', () => {
    const html = '<p><dszd-term term="数字社会">数字社会</dszd-term>，数字社会，城市大脑</p><p>城市大脑</p>';
    expect(annotate(html, {}).html).toBe(
      `<p><dszd-term term="数字社会">数字社会</dszd-term>，数字社会，${tag('城市大脑', '城市大脑')}</p><p>城市大脑</p>`,
    );
  });

  it('counts a pre-tagged term written with an alias or later in the page for "first"', () => {
    const html = '<p>智慧养老</p><dszd-term term="养老大脑">养老大脑</dszd-term>';
    expect(annotate(html, {}).html).toBe(html);
  });

  it('counts a pre-tagged term without a term attribute by its text for "first", as the element resolves it', () => {
    const html =
      '<p><dszd-term>「数字社会」</dszd-term>，数字社会。<dszd-term data-dszd-match="m">城市</dszd-term>' +
      '<b><dszd-term data-dszd-match="m">大脑</dszd-term></b>，城市大脑。<dszd-term>未来社区建设</dszd-term>，未来社区</p>';
    expect(annotate(html, {}).html).toBe(
      html.replace('，未来社区</p>', `，${tag('未来社区', '未来社区')}</p>`),
    );
  });

  it('skips what the exclude option selects, on top of the shared rules', () => {
    expect(annotate('<p class="nav">数字社会</p><p>数字社会</p>', { exclude: '.nav' }).html).toBe(
      `<p class="nav">数字社会</p><p>${tag('数字社会', '数字社会')}</p>`,
    );
  });

  it('never writes markup into elements whose content is text only (it would show as text)', () => {
    expect(
      annotate('<xmp>数字社会</xmp><noembed>城市大脑</noembed><p>未来社区</p><plaintext>数字乡村').html,
    ).toBe(
      `<xmp>数字社会</xmp><noembed>城市大脑</noembed><p>${tag('未来社区', '未来社区')}</p><plaintext>数字乡村`,
    );
  });

  it('skips every element whose content the tokenizer reads as text, through the shared rules alone', () => {
    // The run walker never enters a skipped element, so no tag is ever written inside one of these.
    const isSkipped = compileSkipTest();
    const names = [
      'xmp',
      'iframe',
      'noembed',
      'noframes',
      'plaintext',
      'script',
      'style',
      'noscript',
      'textarea',
      'title',
    ];
    const found = names.map((name) => {
      const root = parseHtml(`<div><${name}>数字社会</${name}></div>`, 'fragment');
      const element = (root.children[0] as Element).children[0] as Element;
      return [element.name, isSkipped(element)];
    });
    expect(found).toEqual(names.map((name) => [name, true]));
  });

  it('skips [data-dszd-skip] and contenteditable', () => {
    expect(annotate('<div data-dszd-skip>数字社会</div><div contenteditable>城市大脑</div>').html).toBe(
      '<div data-dszd-skip>数字社会</div><div contenteditable>城市大脑</div>',
    );
  });
});

describe('annotateHtml: accessibility skip rules (shared with the browser)', () => {
  const fragments = A11Y_SKIPPED_FRAGMENTS;
  for (const fragment of fragments) {
    it(`leaves ${fragment} alone, and tags the text beside it`, () => {
      expect(annotate(`<p>浙农码</p>${fragment}`).html).toBe(`<p>${tag('浙农码', '浙农码')}</p>${fragment}`);
    });
  }

  it('tags aria-hidden="false" and other roles', () => {
    expect(annotate('<span aria-hidden="false">数字社会</span><div role="note">城市大脑</div>').html).toBe(
      `<span aria-hidden="false">${tag('数字社会', '数字社会')}</span><div role="note">${tag('城市大脑', '城市大脑')}</div>`,
    );
  });
});

describe('annotateHtml: options', () => {
  it('rejects invalid options with one error naming the option, worded as the browser annotator words it', () => {
    const attempt = (options: unknown) => () =>
      annotateHtml('<p>数字社会</p>', options as AnnotateHtmlOptions);
    expect(attempt({ occurrence: 'al' })).toThrow(AnnotateHtmlError);
    expect(attempt({ occurrence: 'al' })).toThrow(
      new AnnotateHtmlError('occurrence', 'must be "first" or "all", got "al"'),
    );
    const messages = [
      { occurrence: 'al' },
      { exclude: 'p[' },
      { exclude: 3 },
      { set: {} },
      { parse: 'xml' },
      'all',
    ].map((options) => {
      try {
        attempt(options)();
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(messages).toEqual([
      'annotateHtml: option "occurrence" must be "first" or "all", got "al"',
      'annotateHtml: option "exclude" is not a valid CSS selector: "p["',
      'annotateHtml: option "exclude" must be a CSS selector string, got number',
      'annotateHtml: option "set" must be a compiled definition set (with an "entries" array)',
      'annotateHtml: option "parse" must be "auto", "document" or "fragment", got "xml"',
      'annotateHtml: options must be an object, got string',
    ]);
    expect(() => annotateHtml(3 as unknown as string)).toThrow(
      'annotateHtml: html must be a string, got number',
    );
  });

  it("takes the browser annotator's options object as is: its own options (mode, observe, shadow) are ignored", () => {
    const options = {
      mode: 'highlight',
      observe: true,
      shadow: false,
      occurrence: 'all',
    } as AnnotateHtmlOptions;
    expect(annotate('<p>数字社会，数字社会</p>', options).html).toBe(
      `<p>${tag('数字社会', '数字社会')}，${tag('数字社会', '数字社会')}</p>`,
    );
    expect(annotate('<p>数字社会</p>', null as unknown as AnnotateHtmlOptions).html).toBe(
      `<p>${tag('数字社会', '数字社会')}</p>`,
    );
  });

  it('parses as a fragment or a document as told by the parse option', () => {
    // In a document, text inside <frameset> is dropped by the parser; in a fragment (body context) <frameset> is.
    const page = '<!DOCTYPE html><frameset>数字社会</frameset>';
    expect(annotate(page, {}).html).toBe(page);
    expect(annotate(page, { parse: 'fragment' }).html).toBe(
      `<!DOCTYPE html><frameset>${tag('数字社会', '数字社会')}</frameset>`,
    );
    expect(annotate('<frameset>数字社会', {}).html).toBe(`<frameset>${tag('数字社会', '数字社会')}`);
    expect(annotate('<frameset>数字社会', { parse: 'document' }).html).toBe('<frameset>数字社会');
  });
});

describe('annotateHtml: large input', () => {
  it('tags 200,000 matches in one text node (no argument list or stack grows with the matches)', () => {
    const html = `<p>${'数字社会，'.repeat(200_000)}</p>`;
    const { matches, insertions, html: tagged } = annotateHtml(html, { occurrence: 'all' });
    expect(matches).toHaveLength(200_000);
    expect(insertions).toHaveLength(400_000);
    expect(matches[199_999]).toEqual({
      term: '数字社会',
      serial: 1,
      text: '数字社会',
      start: 3 + 5 * 199_999,
      end: 3 + 5 * 199_999 + 4,
      pieces: 1,
    });
    expect(stripInsertedTags(tagged, insertions)).toBe(html);
  }, 120_000);
});

describe('annotateHtml: traditional characters', () => {
  it('tags 數字鄉村 and 未來鄉村 on a traditional page with the official simplified term', () => {
    const html = '<p>香港報道：浙江以數字鄉村建設推動未來鄉村落地，浙醫互認覆蓋全省。</p>';
    const result = annotate(html);
    expect(result.html).toBe(
      `<p>香港報道：浙江以${tag('数字乡村', '數字鄉村')}建設推動${tag('未来乡村', '未來鄉村')}落地，${tag('浙医互认', '浙醫互認')}覆蓋全省。</p>`,
    );
    expect(result.matches.map(({ term, text }) => [term, text])).toEqual([
      ['数字乡村', '數字鄉村'],
      ['未来乡村', '未來鄉村'],
      ['浙医互认', '浙醫互認'],
    ]);
  });
});
