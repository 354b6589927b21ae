import type { DefinitionSet } from '../definitions/types';
import type { Occurrence } from '../match/occurrence';
import { skipSelector } from '../runs/rules';
import { checkSharedOptions, describeBadSelector, type OptionProblem } from '../runs/shared-options';

/**
 * How terms are marked:
 * - `"wrap"`: each match is wrapped in a `<dszd-term>` element, self-healing: when the page (a Vue or React app)
 *   rewrites, moves or removes text the annotator split, the stale wrappers go at once (before the next paint) and
 *   the new text is annotated again, so the page never shows text its app did not render.
 * - `"highlight"`: the DOM under the root is left untouched: matches are painted with the CSS Custom Highlight API,
 *   the pointer is hit-tested, and a "术语解释" control outside the root gives keyboard and screen-reader access.
 *   Falls back to `"wrap"` where the Highlight API is missing.
 *
 * `"auto"`, which earlier versions documented and which always meant `"wrap"`, is still accepted as a silent alias
 * of `"wrap"` (script tags with `data-mode="auto"` keep working); it is no longer part of the type.
 */
export type AnnotateMode = 'wrap' | 'highlight';

const MODES: readonly string[] = ['wrap', 'highlight'];
/** The old name of `"wrap"`, accepted and never reported. */
const WRAP_ALIAS = 'auto';

/** Options of `annotate()`. */
export interface AnnotateOptions {
  /**
   * How terms are marked: `"wrap"` (self-healing `<dszd-term>` wrappers) or `"highlight"` (no DOM change under
   * the root). See `AnnotateMode`.
   * @default "wrap"
   */
  mode?: AnnotateMode;
  /**
   * The compiled definition set to annotate with.
   * @default the shipped 数字社会定义集（6.0版）
   */
  set?: DefinitionSet;
  /**
   * `"first"`: each entry once per root, at its first occurrence in document order, counting `<dszd-term>` elements
   * already there (with `observe`, the annotation moves when the page removes, moves or rewrites that occurrence);
   * `"all"`: every occurrence (on a long page, the blocks on or near the screen first).
   * @default "first"
   */
  occurrence?: Occurrence;
  /**
   * A CSS selector of more elements to leave alone, on top of the built-in skip rules (`SKIPPED_SELECTORS`).
   * @default none
   */
  exclude?: string;
  /**
   * Keep annotating content the page adds or changes later (a MutationObserver, batched per frame). Without it,
   * wrap mode still watches the text it split, to heal it when the page rewrites it.
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
  mode: AnnotateMode;
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
  const { observe = false, shadow = true } = options;
  const mode = options.mode === undefined || (options.mode as string) === WRAP_ALIAS ? 'wrap' : options.mode;
  if (!MODES.includes(mode))
    return new TypeError(
      `annotate: option "mode" must be "wrap" or "highlight", got ${JSON.stringify(mode)}`,
    );
  const shared = checkSharedOptions(options);
  if ('problem' in shared) return toTypeError(shared);
  const { set, occurrence, exclude } = shared;
  if (typeof observe !== 'boolean') return new TypeError('annotate: option "observe" must be true or false');
  if (typeof shadow !== 'boolean') return new TypeError('annotate: option "shadow" must be true or false');
  const selector = skipSelector(exclude);
  try {
    doc.createDocumentFragment().querySelector(selector);
  } catch {
    return toTypeError(describeBadSelector(exclude));
  }
  return { mode, set, occurrence, selector, observe, shadow };
}

function toTypeError({ option, problem }: OptionProblem): TypeError {
  return new TypeError(`annotate: option "${option}" ${problem}`);
}
