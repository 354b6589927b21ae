/**
 * A consumer's module, type-checked by package.test.ts against the packed package's own `exports` (it is text, not
 * a module of this project: here `dszd-term` would resolve to this repository instead of the tarball).
 */
export const CONSUMER_SOURCE = `
import {
  annotate,
  unannotate,
  configureTerms,
  definitionSet,
  findTerms,
  findEntry,
  type Annotation,
  DszdAnnotateEvent,
  DszdCard,
  DszdGlossary,
  DszdTerm,
  type AnnotateResult,
  type DefinitionSet,
  type TermMatch,
} from 'dszd-term';
import 'dszd-term/define';
import { startAuto, type DszdTermGlobal } from 'dszd-term/auto';
import {
  annotateHtml,
  compileDefinitionSet,
  parseDefinitionSetJson,
  findTerms as findInText,
  type AnnotateHtmlResult,
} from 'dszd-term/node';
import definitions from 'dszd-term/definitions.json' with { type: 'json' };

const matches: TermMatch[] = findTerms('推进数字社会建设', { occurrence: 'all' });
const serial: number | undefined = matches[0]?.serial;
const unit: string | undefined = findEntry('数字社会')?.unit;
const set: DefinitionSet = compileDefinitionSet(parseDefinitionSetJson('{}'));
const tagged: AnnotateHtmlResult = annotateHtml('<p>数字社会</p>', { occurrence: 'first' });
const html: string = tagged.html;
const annotation: Annotation = annotate(document.body, { occurrence: 'all', exclude: 'nav', observe: true });
const done: Promise<AnnotateResult> = annotation.done;
unannotate(document.body);
const term: DszdTerm = document.createElement('dszd-term');
const card: DszdCard = document.createElement('dszd-card');
document.addEventListener('dszd-annotate', (event: DszdAnnotateEvent) => event.matches satisfies number);
configureTerms({ lang: 'en', glossaryUrl: '/glossary.html' });
const global: DszdTermGlobal | undefined = window.dszdTerm;
const version: string = definitionSet.version;
const count: number = definitions.entries.length;

// Each line below is an error only while the declarations resolved: were any of them \`any\`, it would pass.
// @ts-expect-error findTerms gives matches, not a string
const wrong: string = findInText('数字社会');
// @ts-expect-error annotateHtml takes a string
annotateHtml(42);
// @ts-expect-error a glossary is not a term
const notTerm: DszdTerm = new DszdGlossary();

export { serial, unit, set, html, done, term, card, global, version, count, wrong, notTerm, startAuto };
`;
