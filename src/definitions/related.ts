import { getMatcher, type Matcher } from '../match/matcher';
import { scanText } from '../match/scan';
import type { DefinitionEntry, DefinitionSet } from './types';

/**
 * The serials of the entries an entry's definition and notes name, in order of first occurrence, each once, the
 * entry itself left out: the same matcher that annotates pages reads the set's own text.
 */
export function findRelatedSerials(entry: DefinitionEntry, matcher: Matcher): number[] {
  const serials = new Set<number>();
  for (const paragraph of [...entry.definition, ...entry.notes])
    for (const match of scanText(matcher, paragraph))
      if (match.serial !== entry.serial) serials.add(match.serial);
  return [...serials];
}

/** The entries an entry names: its compiled `related` list, or (a hand-made set without one) found now. */
export function findRelatedEntries(entry: DefinitionEntry, set: DefinitionSet): DefinitionEntry[] {
  const matcher = getMatcher(set);
  const serials = entry.related ?? findRelatedSerials(entry, matcher);
  return serials.flatMap((serial) => {
    const related = matcher.bySerial.get(serial);
    return related && related !== entry ? [related] : [];
  });
}

/** A stretch of a paragraph: plain text, or the first mention of a related entry. */
export interface TextSegment {
  text: string;
  /** The related entry this stretch names (its first mention in the entry's text only). */
  entry?: DefinitionEntry;
}

/**
 * The definition and notes paragraphs of an entry cut where each related entry is first named, in reading order:
 * joined back, the segments are exactly the paragraphs. Later mentions stay plain text, so a card is not a wall of
 * links.
 */
export function segmentRelated(
  entry: DefinitionEntry,
  set: DefinitionSet,
): { definition: TextSegment[][]; notes: TextSegment[][] } {
  const related = new Map(findRelatedEntries(entry, set).map((other) => [other.serial, other]));
  const matcher = getMatcher(set);
  const linked = new Set<number>();
  const cut = (paragraph: string): TextSegment[] => {
    const segments: TextSegment[] = [];
    let at = 0;
    for (const match of scanText(matcher, paragraph)) {
      const other = related.get(match.serial);
      if (!other || linked.has(match.serial)) continue;
      linked.add(match.serial);
      if (match.start > at) segments.push({ text: paragraph.slice(at, match.start) });
      segments.push({ text: paragraph.slice(match.start, match.end), entry: other });
      at = match.end;
    }
    if (at < paragraph.length || !segments.length) segments.push({ text: paragraph.slice(at) });
    return segments;
  };
  return { definition: entry.definition.map(cut), notes: entry.notes.map(cut) };
}
