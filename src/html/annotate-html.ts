import type { AnyNode, Text } from 'domhandler';
import { groupByMatch } from '../runs/group-by-match';
import { planRun } from '../runs/plan';
import { textRuns } from '../runs/runs';
import type { TermMatch } from '../match/find-terms';
import { selectOccurrences } from '../match/occurrence';
import { scanExistingMarkup } from './existing-markup';
import { CLOSE_TAG, createMatchIdAllocator, renderOpenTag } from './markup';
import { resolveHtmlOptions, AnnotateHtmlError, type AnnotateHtmlOptions } from './options';
import { createParse5Adapter } from './parse5-adapter';
import { parseHtml } from './parse-html';
import { findSourceRange, mapTextSource, type TextSource } from './source-map';
import { InsertionList } from './insertion-list';
import { applyInsertions, type Insertion } from './splice';

/** One term tagged in the HTML. */
export interface HtmlMatch {
  /** The entry's official term (the value of the `term` attribute). */
  term: string;
  serial: number;
  /** The matched text as decoded (entities resolved), across inline markup. */
  text: string;
  /** UTF-16 offset in the input where the first piece starts. */
  start: number;
  /** UTF-16 offset in the input just past the last piece. */
  end: number;
  /** How many `<dszd-term>` pieces the match was written as (more than one when split by inline markup). */
  pieces: number;
}

export interface AnnotateHtmlResult {
  /** The tagged HTML: the input with `<dszd-term>` tags inserted, every other character unchanged. */
  html: string;
  /** The tagged terms in document order. */
  matches: HtmlMatch[];
  /** Every inserted tag, by offset into the input, in order: removing them gives back the input exactly. */
  insertions: Insertion[];
}

interface Candidate {
  serial: number;
  match: TermMatch;
  /** Source range of each piece, in piece order, flat: start, end, start, end… */
  ranges: number[];
  runText: string;
}

/** What tagging a page comes to: the tagged terms, and the tags to insert into the source. */
export interface AnnotationPlan {
  /** The tagged terms in document order (empty when the caller asked for their number only). */
  matches: HtmlMatch[];
  matchCount: number;
  /** Where each tag goes (UTF-16 offsets into the input, in order) and the tag: typed columns, no object per tag. */
  insertions: InsertionList;
}

/**
 * Tags the terms of a definition set in HTML source with `<dszd-term term="…">`, using the same matcher, run walker
 * and skip rules as the browser annotator. The HTML is parsed with parse5 (spec-compliant, with source locations);
 * terms are found in the decoded text (entities, CRLF) and tags are inserted at source offsets, so everything else
 * stays byte for byte. Throws {@link AnnotateHtmlError} for invalid options.
 */
export function annotateHtml(html: string, options: AnnotateHtmlOptions = {}): AnnotateHtmlResult {
  const { matches, insertions } = planAnnotations(html, options);
  const listed = Array.from({ length: insertions.length }, (_, i) => ({
    offset: insertions.offsetAt(i),
    text: insertions.textAt(i),
  }));
  return { html: applyInsertions(html, insertions), matches, insertions: listed };
}

/**
 * {@link annotateHtml} without writing the tagged HTML: the matches and the insertions, for a caller that writes the
 * result itself (the bytes of the page, in its encoding). Memory stays proportional to the page and its matches:
 * the parse tree keeps text locations only, and each run's candidates become insertions as soon as it is planned.
 */
export function planAnnotations(
  html: string,
  options: AnnotateHtmlOptions = {},
  keepMatches = true,
): AnnotationPlan {
  if (typeof html !== 'string') throw new AnnotateHtmlError('html', `must be a string, got ${typeof html}`);
  const { set, occurrence, isSkipped, parse } = resolveHtmlOptions(options);
  // parse5 keeps a BOM as text (browsers drop it while decoding): parse without it and shift offsets back.
  const base = html.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = base ? html.slice(1) : html;
  const root = parseHtml(source, parse);
  const existing = scanExistingMarkup(root, set);
  const seen = occurrence === 'first' ? existing.serials : undefined;
  const adapter = createParse5Adapter(isSkipped);
  const writer = createInsertionWriter(html, base, existing.matchIds, keepMatches);

  for (const run of textRuns<AnyNode>(root, adapter)) {
    const nodes = run as Text[];
    const texts = nodes.map((node) => node.data);
    // Planned with "all" so a match that cannot be written (see mapTextSource) does not use up its entry's "first".
    const pieces = planRun(texts, { set, occurrence: 'all' });
    if (!pieces.length) continue;
    const sources = new Map<number, TextSource | null>();
    const sourceOf = (index: number) => {
      if (!sources.has(index)) sources.set(index, mapNodeSource(source, nodes[index]!));
      return sources.get(index)!;
    };
    let runText: string | undefined;
    for (const group of groupByMatch(pieces)) {
      const first = group[0]!;
      const ranges: number[] = [];
      for (const piece of group) {
        const map = sourceOf(piece.node);
        const range = map && findSourceRange(map, piece.start, piece.end);
        if (!range) break;
        ranges.push(range[0], range[1]);
      }
      if (ranges.length < 2 * group.length) continue;
      runText ??= texts.join('');
      // one at a time: a run can hold millions of matches, and none of them has to wait for the others
      const candidate = { serial: first.match.serial, match: first.match, ranges, runText };
      for (const kept of selectOccurrences([candidate], occurrence, seen)) writer.write(kept);
    }
  }
  return writer.finish();
}

/**
 * Maps a text node to its source, or null when no tag can be written around its text: no location, or a source that
 * cannot be explained. (Text-only parents such as `<xmp>` never get here: the shared skip rules skip them.)
 */
function mapNodeSource(html: string, node: Text): TextSource | null {
  if (node.startIndex === null || node.endIndex === null) return null;
  return mapTextSource(html, node.startIndex, node.endIndex, node.data);
}

/** Turns kept candidates into matches and insertions, one at a time. */
function createInsertionWriter(
  html: string,
  base: number,
  takenIds: ReadonlySet<string>,
  keepMatches: boolean,
) {
  const nextId = createMatchIdAllocator(html, takenIds);
  const insertions = new InsertionList();
  const matches: HtmlMatch[] = [];
  let matchCount = 0;
  let sorted = true;
  // one string per term, not one per match
  const close = insertions.share(CLOSE_TAG);
  const plainOpenTags = new Map<string, number>();
  const sharePlainOpenTag = (term: string) => {
    let tag = plainOpenTags.get(term);
    if (tag === undefined) plainOpenTags.set(term, (tag = insertions.share(renderOpenTag(term, null))));
    return tag;
  };
  return {
    write({ match, ranges, runText }: Candidate): void {
      const open =
        ranges.length > 2
          ? insertions.once(renderOpenTag(match.term, nextId()))
          : sharePlainOpenTag(match.term);
      // integers from the start (no Infinity): V8 would store the fields as boxed doubles
      let start = base + ranges[0]!;
      let end = base + ranges[1]!;
      for (let r = 0; r < ranges.length; r += 2) {
        const from = base + ranges[r]!;
        const to = base + ranges[r + 1]!;
        // the last tag written is a close tag: one at the same offset goes first
        if (insertions.length && insertions.offsetAt(insertions.length - 1) > from) sorted = false;
        insertions.push(from, open);
        insertions.push(to, close);
        if (from < start) start = from;
        if (to > end) end = to;
      }
      matchCount++;
      if (keepMatches)
        matches.push({
          term: match.term,
          serial: match.serial,
          text: runText.slice(match.start, match.end),
          start,
          end,
          pieces: ranges.length / 2,
        });
    },
    finish(): AnnotationPlan {
      // Document order and source order differ only for text the parser moved (foster parenting): at one offset a
      // piece closes before the next one opens, otherwise the order is kept.
      if (!sorted) insertions.sort((a, b) => Number(a !== CLOSE_TAG) - Number(b !== CLOSE_TAG));
      return { matches, matchCount, insertions };
    },
  };
}
