import type { DefinitionSet } from '../definitions/types';
import type { Occurrence } from '../match/occurrence';

/** The options the DOM annotator and the Node tagger share, with the same names, meanings and messages. */
export interface SharedAnnotateOptions {
  set?: DefinitionSet;
  occurrence?: Occurrence;
  exclude?: string;
}

/** A bad option: which one, and what is wrong with it (e.g. `must be "first" or "all", got "al"`). */
export interface OptionProblem {
  option: string;
  problem: string;
}

/**
 * Checks the shared options and fills in their defaults; the first bad one comes back as an {@link OptionProblem}
 * that each side turns into its own error type. Whether `exclude` is a valid selector each side checks with its own
 * selector engine.
 */
export function checkSharedOptions(
  options: SharedAnnotateOptions,
): { set: DefinitionSet | undefined; occurrence: Occurrence; exclude: string | undefined } | OptionProblem {
  const { set, occurrence = 'first', exclude } = options;
  if (occurrence !== 'first' && occurrence !== 'all')
    return { option: 'occurrence', problem: `must be "first" or "all", got ${JSON.stringify(occurrence)}` };
  if (set !== undefined && !Array.isArray((set as Partial<DefinitionSet> | null)?.entries))
    return { option: 'set', problem: 'must be a compiled definition set (with an "entries" array)' };
  if (exclude !== undefined && typeof exclude !== 'string')
    return { option: 'exclude', problem: `must be a CSS selector string, got ${typeof exclude}` };
  return { set, occurrence, exclude };
}

/** The message for an invalid exclude selector, the same on both sides. */
export function describeBadSelector(exclude: string | undefined): OptionProblem {
  return { option: 'exclude', problem: `is not a valid CSS selector: ${JSON.stringify(exclude)}` };
}
