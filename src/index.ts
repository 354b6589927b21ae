export { definitionSet } from './definitions/definition-set.generated';
export type * from './definitions/types';
// The public surface: what a page or a bundler needs. Internals (the normalizer, occurrence selection, the
// Annotation class's constructor) stay reachable to tests through their own modules, not from here.
export { annotate, unannotate } from './annotate/annotate';
export type { Annotation, AnnotateOptions, AnnotateResult } from './annotate/annotate';
export { DszdAnnotateEvent } from './events/annotate-event';
export { DszdGlossary } from './glossary/dszd-glossary';
export { DszdTerm } from './term/dszd-term';
export { DszdCard } from './card/dszd-card';
export { DszdShowEvent } from './events/show-event';
export { DszdHideEvent } from './events/hide-event';
export { configureTerms, getTermsConfig } from './config/terms-config';
export type { TermsConfig, TermsConfigOptions } from './config/terms-config';
export { findTerms, findEntry, type FindTermsOptions, type TermMatch } from './match/find-terms';
export type { Occurrence } from './match/occurrence';
export type { AnnotateMode } from './annotate/options';
export { DszdErrorEvent } from './events/error-event';
