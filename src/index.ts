export { definitionSet } from './definitions/definition-set.generated';
export type * from './definitions/types';
