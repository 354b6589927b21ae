import type { DefinitionSet } from '../definitions/types';
import type { Occurrence } from '../match/occurrence';
import { skipSelector } from './rules';

/** Options of `annotate()`. */
export interface AnnotateOptions {
  /**
   * The compiled definition set to annotate with.
   * @default the shipped 数字社会定义集（6.0版）
   */
  set?: DefinitionSet;
  /**
   * `"first"`: each entry once per root, counting `<dszd-term>` elements already there; `"all"`: every occurrence.
   * @default "first"
   */
  occurrence?: Occurrence;
  /**
   * A CSS selector of more elements to leave alone, on top of the built-in skip rules (`SKIPPED_SELECTORS`).
   * @default none
   */
  exclude?: string;
  /**
   * Keep annotating content the page adds or changes later (a MutationObserver, batched per frame).
   * @default false (the drop-in script passes true)
   */
  observe?: boolean;
  /**
   * Annotate inside open shadow roots under the root too.
   * @default true
   */
  shadow?: boolean;
}

/** Options after validation, with their defaults. */
export interface ResolvedOptions {
  set: DefinitionSet | undefined;
  occurrence: Occurrence;
  /** The skip selector, built once per annotation. */
  selector: string;
  observe: boolean;
  shadow: boolean;
}

/** Checks the options and fills in defaults; a bad option gives one TypeError that names it. */
export function resolveOptions(
  options: AnnotateOptions | undefined,
  doc: Document,
): ResolvedOptions | TypeError {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object')
    return new TypeError(`annotate: options must be an object, got ${typeof options}`);
  const { set, occurrence = 'first', exclude, observe = false, shadow = true } = options;
  if (occurrence !== 'first' && occurrence !== 'all')
    return new TypeError(
      `annotate: option "occurrence" must be "first" or "all", got ${JSON.stringify(occurrence)}`,
    );
  if (set !== undefined && !Array.isArray((set as Partial<DefinitionSet> | null)?.entries))
    return new TypeError(
      'annotate: option "set" must be a compiled definition set (with an "entries" array)',
    );
  if (exclude !== undefined && typeof exclude !== 'string')
    return new TypeError(`annotate: option "exclude" must be a CSS selector string, got ${typeof exclude}`);
  if (typeof observe !== 'boolean') return new TypeError('annotate: option "observe" must be true or false');
  if (typeof shadow !== 'boolean') return new TypeError('annotate: option "shadow" must be true or false');
  const selector = skipSelector(exclude);
  try {
    doc.createDocumentFragment().querySelector(selector);
  } catch {
    return new TypeError(
      `annotate: option "exclude" is not a valid CSS selector: ${JSON.stringify(exclude)}`,
    );
  }
  return { set, occurrence, selector, observe, shadow };
}
