import type { DefinitionSet } from '../definitions/types';
import type { Occurrence } from '../match/occurrence';
import { checkSharedOptions, describeBadSelector } from '../runs/shared-options';
import { compileSkipTest, type SkipTest } from './parse5-adapter';
import type { HtmlParsing } from './parse-html';

/**
 * Options of {@link annotateHtml}: `set`, `occurrence` and `exclude` have the browser annotator's names, meanings
 * and messages, and options only the browser knows (`mode`, `observe`, `shadow`) are ignored, so one options object
 * serves both.
 */
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
   * How the input is parsed: `"document"` as a whole page (implicit html/head/body), `"fragment"` as a piece of a
   * body; `"auto"` reads a page when the text starts with a doctype or an html, head or body tag.
   * @default "auto"
   */
  parse?: HtmlParsing;
}

/** An invalid argument or option of annotateHtml; `option` names it, `problem` says what is wrong with it. */
export class AnnotateHtmlError extends Error {
  override name = 'AnnotateHtmlError';
  constructor(
    /** The option (or argument) at fault: "html", "options", "set", "occurrence", "exclude" or "parse". */
    readonly option: string,
    /** What is wrong, e.g. `must be "first" or "all", got "al"`. */
    readonly problem: string,
  ) {
    const subject = option === 'html' || option === 'options' ? option : `option "${option}"`;
    super(`annotateHtml: ${subject} ${problem}`);
  }
}

/** Checked options, with the skip test compiled. */
export interface ResolvedOptions {
  set: DefinitionSet | undefined;
  occurrence: Occurrence;
  isSkipped: SkipTest;
  parse: HtmlParsing;
}

/** Checks the options and compiles the skip rules; throws {@link AnnotateHtmlError} naming the bad option. */
export function resolveHtmlOptions(options: AnnotateHtmlOptions | null = {}): ResolvedOptions {
  if (options === null) options = {};
  if (typeof options !== 'object')
    throw new AnnotateHtmlError('options', `must be an object, got ${typeof options}`);
  const shared = checkSharedOptions(options);
  if ('problem' in shared) throw new AnnotateHtmlError(shared.option, shared.problem);
  const { set, occurrence, exclude } = shared;
  const { parse = 'auto' } = options;
  if (parse !== 'auto' && parse !== 'document' && parse !== 'fragment')
    throw new AnnotateHtmlError(
      'parse',
      `must be "auto", "document" or "fragment", got ${JSON.stringify(parse)}`,
    );
  let isSkipped: SkipTest;
  try {
    isSkipped = compileSkipTest(exclude);
  } catch {
    const { option, problem } = describeBadSelector(exclude);
    throw new AnnotateHtmlError(option, problem);
  }
  return { set, occurrence, isSkipped, parse };
}
