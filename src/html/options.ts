import type { DefinitionSet } from '../definitions/types';
import type { Occurrence } from '../match/occurrence';
import { compileSkipTest, type SkipTest } from './parse5-adapter';
import type { HtmlMode } from './parse-html';

/** Options of {@link annotateHtml}: the same names and meanings as the browser annotator's. */
export interface AnnotateHtmlOptions {
  /**
   * The compiled definition set to tag.
   * @default the shipped 数字社会定义集（6.0版）
   */
  set?: DefinitionSet;
  /**
   * `"first"`: tag the first occurrence of each entry only (entries already tagged in the input count as shown);
   * `"all"`: tag every occurrence.
   * @default "first"
   */
  occurrence?: Occurrence;
  /** A CSS selector of more elements whose text is never tagged, on top of the shared skip rules. */
  exclude?: string;
  /**
   * `"document"` parses a whole page (implicit html/head/body), `"fragment"` a piece of a body; `"auto"` reads a
   * page when the text starts with a doctype or an html, head or body tag.
   * @default "auto"
   */
  mode?: HtmlMode;
}

/** An invalid argument or option of annotateHtml; `option` names it. */
export class AnnotateHtmlError extends Error {
  override name = 'AnnotateHtmlError';
  constructor(
    /** The option (or argument) at fault: "html", "set", "occurrence", "exclude" or "mode". */
    readonly option: string,
    problem: string,
  ) {
    super(`annotateHtml: option "${option}": ${problem}`);
  }
}

/** Checked options, with the skip test compiled. */
export interface ResolvedOptions {
  set: DefinitionSet | undefined;
  occurrence: Occurrence;
  isSkipped: SkipTest;
  mode: HtmlMode;
}

/** Checks the options and compiles the skip rules; throws {@link AnnotateHtmlError} naming the bad option. */
export function resolveOptions(options: AnnotateHtmlOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null)
    throw new AnnotateHtmlError('options', 'must be an object');
  const { set, occurrence = 'first', exclude, mode = 'auto' } = options;
  if (set !== undefined && !(typeof set === 'object' && set !== null && Array.isArray(set.entries)))
    throw new AnnotateHtmlError(
      'set',
      'must be a compiled definition set (an object with an "entries" array)',
    );
  if (occurrence !== 'first' && occurrence !== 'all')
    throw new AnnotateHtmlError('occurrence', `must be "first" or "all", not ${JSON.stringify(occurrence)}`);
  if (mode !== 'auto' && mode !== 'document' && mode !== 'fragment')
    throw new AnnotateHtmlError(
      'mode',
      `must be "auto", "document" or "fragment", not ${JSON.stringify(mode)}`,
    );
  if (exclude !== undefined && typeof exclude !== 'string')
    throw new AnnotateHtmlError('exclude', 'must be a CSS selector string');
  let isSkipped: SkipTest;
  try {
    isSkipped = compileSkipTest(exclude);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AnnotateHtmlError(
      'exclude',
      `not a valid CSS selector: ${JSON.stringify(exclude)} (${reason})`,
    );
  }
  return { set, occurrence, isSkipped, mode };
}
