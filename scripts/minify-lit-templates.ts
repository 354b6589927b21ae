import ts from 'typescript';
import type { Plugin } from 'vite';
import { collapseHtml } from './collapse-html.ts';
import { minifyCss } from './minify-css.ts';

type Kind = 'css' | 'html';

/** One literal part of a template: its text sits between `start` and `end` in the file. */
interface Part {
  start: number;
  end: number;
  text: string;
}

/**
 * A Vite plugin for the library builds: minifies the CSS in Lit `css` templates and collapses the white space of
 * `html`/`svg` templates in our own sources. The JavaScript minifier leaves template text alone, and in the drop-in
 * script that text is a tenth of the bytes.
 */
export function minifyLitTemplates(): Plugin {
  return {
    name: 'dszd-minify-lit-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!SOURCE.test(id) || id.includes('/node_modules/') || !LIT_IMPORT.test(code)) return null;
      const minified = minifyTemplatesIn(code, id);
      // map null: only text inside template literals moves, and the builds ship no source maps
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

/** The module's text with every Lit `css`/`html`/`svg` template it imports minified (or left as is when unsafe). */
export function minifyTemplatesIn(code: string, fileName = 'module.ts'): string {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const tags = readLitTags(file);
  if (!tags.size) return code;
  const edits: Part[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const kind = tags.get(node.tag.text);
      if (kind) edits.push(...minifyTemplate(readParts(node.template, file), kind));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

const SOURCE = /\.[cm]?[jt]s$/;
const LIT_IMPORT = /from\s+['"](?:lit|lit-html|lit-element)(?:\/[^'"]*)?['"]/;
const LIT_MODULE = /^(?:lit|lit-html|lit-element)(?:\/.*)?$/;
const TAG_KINDS: Record<string, Kind> = { css: 'css', html: 'html', svg: 'html' };

/** Local names of `css`, `html` and `svg` imported from lit (`html as staticHtml` included). */
function readLitTags(file: ts.SourceFile): Map<string, Kind> {
  const tags = new Map<string, Kind>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!LIT_MODULE.test(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    if (!bindings || clause.isTypeOnly || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const kind = TAG_KINDS[(element.propertyName ?? element.name).text];
      if (kind && !element.isTypeOnly) tags.set(element.name.text, kind);
    }
  }
  return tags;
}

/** The literal parts of a template, as raw source text with their positions (backticks and `${`/`}` excluded). */
function readParts(template: ts.TemplateLiteral, file: ts.SourceFile): Part[] {
  const literals = ts.isNoSubstitutionTemplateLiteral(template)
    ? [template]
    : [template.head, ...template.templateSpans.map((span) => span.literal)];
  return literals.map((literal) => {
    const start = literal.getStart(file) + 1;
    const end =
      literal.end - (ts.isTemplateTail(literal) || ts.isNoSubstitutionTemplateLiteral(literal) ? 1 : 2);
    return { start, end, text: file.text.slice(start, end) };
  });
}

function minifyTemplate(parts: Part[], kind: Kind): Part[] {
  const texts = parts.map((part) => part.text);
  const minified = kind === 'css' ? minifyCss(texts) : collapseHtml(texts);
  if (!minified) return [];
  return parts.map((part, i) => ({ ...part, text: minified[i]! }));
}
