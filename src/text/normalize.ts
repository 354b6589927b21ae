/**
 * Normalization shared by the matcher and the compiler: what counts as "the same text" when a term is looked for.
 * Quote marks and white space are ignorable (skipped wherever they stand); full-width ASCII folds to half-width;
 * Latin letters fold to lower case; the traditional forms of the shipped names' characters (數, 鄉, 腦…) fold to the
 * simplified ones. Everything else is compared as is.
 */
import { traditionalFolds } from './traditional-folds.generated';

/** Quote marks ignored wherever they stand, as opening → closing pairs (straight quotes pair with themselves). */
export const QUOTE_PAIRS: ReadonlyArray<readonly [open: string, close: string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['〝', '〞'],
  ['〝', '〟'],
  ['"', '"'],
  ["'", "'"],
  ['＂', '＂'],
  ['＇', '＇'],
];

const QUOTES = new Set(QUOTE_PAIRS.flat().map((q) => q.charCodeAt(0)));

/** White space a CMS or an editor may leave inside a word: spaces, line breaks, NBSP, ideographic space, zero-width. */
const SPACES = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0xad, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x200c, 0x200d, 0x2028, 0x2029, 0x202f, 0x205f,
  0x2060, 0x3000, 0xfeff,
]);

/** Every UTF-16 code unit the matcher skips. */
export const IGNORABLE_CODES: ReadonlySet<number> = new Set([...QUOTES, ...SPACES]);

export function isQuote(code: number): boolean {
  return QUOTES.has(code);
}

export function isSpace(code: number): boolean {
  return SPACES.has(code);
}

/** True for a UTF-16 code unit the matcher skips: a quote mark or white space. */
export function isIgnorable(code: number): boolean {
  return IGNORABLE_CODES.has(code);
}

/** Traditional variant → simplified character (UTF-16 units), from the generated pairs. */
const SIMPLIFIED_OF = new Map<number, number>();
/** Simplified character → its traditional variants: the automaton gives them the character's class. */
const VARIANTS_OF = new Map<number, number[]>();
for (let i = 0; i + 1 < traditionalFolds.length; i += 2) {
  const variant = traditionalFolds.charCodeAt(i);
  const simplified = traditionalFolds.charCodeAt(i + 1);
  SIMPLIFIED_OF.set(variant, simplified);
  VARIANTS_OF.set(simplified, [...(VARIANTS_OF.get(simplified) ?? []), variant]);
}

/** Folds one UTF-16 code unit: full-width ASCII (U+FF01–FF5E) to ASCII, then A–Z to a–z, a traditional variant to its simplified character. */
export function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code >= 0x41 && code <= 0x5a) code += 0x20;
  return SIMPLIFIED_OF.get(code) ?? code;
}

/** The traditional variants that fold to a character (數 for 数), none for most characters. */
export function traditionalVariantsOf(folded: number): readonly number[] {
  return VARIANTS_OF.get(folded) ?? [];
}

/** A normalized key and where each of its UTF-16 units came from. */
export interface NormalizedText {
  key: string;
  /** offsets[i]: the offset in the original text of key unit i (ascending). */
  offsets: number[];
}

/** The normalized key of a string: ignorable characters dropped, the rest folded. Two spellings match iff equal keys. */
export function normalizeKey(text: string): string {
  return foldText(text);
}

/** The normalized key with, per key unit, its offset in the original (to mark a hit found in the key). */
export function normalizeWithOffsets(text: string): NormalizedText {
  const offsets: number[] = [];
  return { key: foldText(text, offsets), offsets };
}

/** The one normalization loop; records each kept unit's offset when given an array (normalizeKey needs none). */
function foldText(text: string, offsets?: number[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isIgnorable(code)) continue;
    out += String.fromCharCode(foldCode(code));
    offsets?.push(i);
  }
  return out;
}
