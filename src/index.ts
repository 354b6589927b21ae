export { definitionSet } from './definitions/definition-set.generated';
export type * from './definitions/types';
export { annotate, unannotate, Annotation } from './annotate/annotate';
export type { AnnotateOptions, AnnotateResult } from './annotate/annotate';
export { DszdAnnotateEvent } from './events/annotate-event';
export { DszdGlossary } from './glossary/dszd-glossary';
