/** Which occurrences of an entry a caller keeps: every one, or the first of each entry. */
export type Occurrence = 'all' | 'first';

/**
 * Applies an occurrence policy to matches in document order. With "first", `seen` holds the serials already shown
 * (on the page, in earlier batches or earlier text runs) and is updated, so the policy holds across calls.
 */
export function selectOccurrences<T extends { serial: number }>(
  matches: readonly T[],
  occurrence: Occurrence,
  seen: Set<number> = new Set(),
): T[] {
  if (occurrence === 'all') return [...matches];
  const kept: T[] = [];
  for (const match of matches) {
    if (seen.has(match.serial)) continue;
    seen.add(match.serial);
    kept.push(match);
  }
  return kept;
}
