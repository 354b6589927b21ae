export { annotateHtml, type AnnotateHtmlResult, type HtmlMatch } from './html/annotate-html';
export { AnnotateHtmlError, type AnnotateHtmlOptions } from './html/options';
export {
  annotateHtmlBytes,
  type AnnotateHtmlBytesOptions,
  type AnnotateHtmlBytesResult,
} from './html/annotate-bytes';
export { HtmlInputError, type HtmlInputProblem } from './html/input-error';
export type { HtmlEncoding } from './html/encoding';
export type { Insertion } from './html/splice';
export { definitionSet } from './definitions/definition-set.generated';
export type * from './definitions/types';
export { compileDefinitionSet, parseDefinitionSetJson, DefinitionSetError } from './definitions/compile';
export { checkCompiledSet, CompiledSetError } from './definitions/check-compiled-set';
export { findTerms, findEntry, type FindTermsOptions, type TermMatch } from './match/find-terms';
export type { Occurrence } from './match/occurrence';
