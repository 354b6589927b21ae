import type { AnyNode, Text } from 'domhandler';
import { planRun, type Piece } from '../annotate/plan';
import { textRuns } from '../annotate/runs';
import type { TermMatch } from '../match/find-terms';
import { selectOccurrences } from '../match/occurrence';
import { scanExistingMarkup } from './existing-markup';
import { CLOSE_TAG, createMatchIdAllocator, renderOpenTag } from './markup';
import { resolveOptions, AnnotateHtmlError, type AnnotateHtmlOptions } from './options';
import { createParse5Adapter } from './parse5-adapter';
import { parseHtml } from './parse-html';
import { findSourceRange, mapTextSource, type TextSource } from './source-map';
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
  pieces: Piece[];
  /** Source range of each piece, in piece order. */
  ranges: Array<[number, number]>;
  runText: string;
}

/**
 * Tags the terms of a definition set in HTML source with `<dszd-term term="…">`, using the same matcher, run walker
 * and skip rules as the browser annotator. The HTML is parsed with parse5 (spec-compliant, with source locations);
 * terms are found in the decoded text (entities, CRLF) and tags are inserted at source offsets, so everything else
 * stays byte for byte. Throws {@link AnnotateHtmlError} for invalid options.
 */
export function annotateHtml(html: string, options: AnnotateHtmlOptions = {}): AnnotateHtmlResult {
  if (typeof html !== 'string') throw new AnnotateHtmlError('html', `must be a string, got ${typeof html}`);
  const { set, occurrence, isSkipped, parse } = resolveOptions(options);
  // parse5 keeps a BOM as text (browsers drop it while decoding): parse without it and shift offsets back.
  const base = html.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = base ? html.slice(1) : html;
  const root = parseHtml(source, parse);
  const existing = scanExistingMarkup(root, set);
  const seen = occurrence === 'first' ? existing.serials : undefined;
  const adapter = createParse5Adapter(isSkipped);

  const kept: Candidate[] = [];
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
    const candidates: Candidate[] = [];
    let runText: string | undefined;
    for (let p = 0; p < pieces.length;) {
      const first = pieces[p]!;
      const group = pieces.slice(p, p + first.count);
      p += first.count;
      const ranges: Array<[number, number]> = [];
      for (const piece of group) {
        const map = sourceOf(piece.node);
        const range = map && findSourceRange(map, piece.start, piece.end);
        if (!range) break;
        ranges.push(range);
      }
      if (ranges.length !== group.length) continue;
      runText ??= texts.join('');
      candidates.push({ serial: first.match.serial, match: first.match, pieces: group, ranges, runText });
    }
    kept.push(...selectOccurrences(candidates, occurrence, seen));
  }
  return writeInsertions(html, base, kept, existing.matchIds);
}

/**
 * Maps a text node to its source, or null when no tag can be written around its text: no location, or a source that
 * cannot be explained. (Text-only parents such as `<xmp>` never get here: the shared skip rules skip them.)
 */
function mapNodeSource(html: string, node: Text): TextSource | null {
  const location = node.sourceCodeLocation;
  if (!location) return null;
  return mapTextSource(html, location.startOffset, location.endOffset, node.data);
}

function writeInsertions(
  html: string,
  base: number,
  kept: readonly Candidate[],
  takenIds: ReadonlySet<string>,
): AnnotateHtmlResult {
  const nextId = createMatchIdAllocator(html, takenIds);
  // [offset, 0 = close | 1 = open, text]: at one offset a piece closes before the next one opens
  const marks: Array<[number, number, string]> = [];
  const matches: HtmlMatch[] = [];
  for (const { match, ranges, runText } of kept) {
    const open = renderOpenTag(match.term, ranges.length > 1 ? nextId() : null);
    for (const [start, end] of ranges) marks.push([base + start, 1, open], [base + end, 0, CLOSE_TAG]);
    matches.push({
      term: match.term,
      serial: match.serial,
      text: runText.slice(match.start, match.end),
      start: base + Math.min(...ranges.map((range) => range[0])),
      end: base + Math.max(...ranges.map((range) => range[1])),
      pieces: ranges.length,
    });
  }
  // Document order and source order differ only for text the parser moved (foster parenting).
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const insertions = marks.map(([offset, , text]) => ({ offset, text }));
  return { html: applyInsertions(html, insertions), matches, insertions };
}
