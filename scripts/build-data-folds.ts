// Build-time only: the traditional-character variants of the characters in a set's names, from OpenCC's tables.
import * as OpenCC from 'opencc-js';
import { normalizeKey } from '../src/text/normalize';

/** One dictionary of OpenCC's character tables ("S T1 T2|…") as a map; phrase dictionaries are not read. */
function readCharacterTable(groups: ReadonlyArray<ReadonlyArray<unknown>>): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const group of groups)
    for (const dict of group) {
      if (typeof dict !== 'string') continue;
      for (const line of dict.split('|')) {
        const [from, ...to] = line.split(' ');
        if (from && [...from].length === 1 && to.length && !table.has(from)) table.set(from, to);
      }
    }
  return table;
}

function dictionaries(
  groups: Record<string, readonly OpenCC.DictGroup[]>,
  locale: string,
): readonly OpenCC.DictGroup[] {
  const found = groups[locale];
  if (!found) throw new Error(`opencc-js has no "${locale}" dictionaries`);
  return found;
}

const simplifiedToTraditional = readCharacterTable(dictionaries(OpenCC.Locale.from, 'cn'));
const regional = ['tw', 'hk'].map((locale) => readCharacterTable(dictionaries(OpenCC.Locale.to, locale)));
const backToSimplified = [
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
];

const isBmp = (char: string) => char.length === 1;

/**
 * The traditional (and Taiwan/Hong Kong) forms of each character of the names, as [variant, simplified] pairs
 * sorted by the simplified character. A variant is kept only when it is one UTF-16 unit, is not itself a character
 * of the names (乾 would be, were 乾坤 a term), stands for just one name character, and OpenCC converts it back to
 * that character.
 */
export function deriveTraditionalFolds(
  names: readonly string[],
): Array<[variant: string, simplified: string]> {
  const nameChars = new Set(names.flatMap((name) => [...normalizeKey(name)]));
  const owners = new Map<string, Set<string>>();
  for (const char of nameChars) {
    const variants = new Set<string>();
    for (const traditional of simplifiedToTraditional.get(char) ?? []) {
      variants.add(traditional);
      for (const table of regional) for (const form of table.get(traditional) ?? []) variants.add(form);
    }
    for (const variant of variants) {
      if (variant === char || !isBmp(variant) || nameChars.has(variant)) continue;
      if (!backToSimplified.some((convert) => convert(variant) === char)) continue;
      owners.set(variant, (owners.get(variant) ?? new Set()).add(char));
    }
  }
  return [...owners]
    .filter(([, chars]) => chars.size === 1)
    .map(([variant, chars]): [string, string] => [variant, [...chars][0]!])
    .sort(([va, sa], [vb, sb]) => (sa < sb ? -1 : sa > sb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
}
