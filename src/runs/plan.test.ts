import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTerms } from '../match/find-terms';
import { groupByMatch } from './group-by-match';
import { cutPieces, planRun, type Piece } from './plan';
import { textRuns, type TreeAdapter } from './runs';

/** A minimal tree: strings are text, arrays are [tag, ...children]. */
type Tree = string | [string, ...Tree[]];

const adapter: TreeAdapter<Tree> = {
  children: (node) => (typeof node === 'string' ? [] : node.slice(1)) as Tree[],
  kind: (node) => (typeof node === 'string' ? 'text' : 'element'),
  tagName: (node) => (node as [string])[0],
  isSkipped: (node) => (node as [string])[0] === 'code',
};

/** What each piece covers, as text. */
const pieceTexts = (texts: readonly string[], pieces: readonly Piece[]) =>
  pieces.map((piece) => texts[piece.node]!.slice(piece.start, piece.end));

describe('planRun', () => {
  it('cuts a match split across inline elements into one piece per text node', () => {
    // <p>推进<b>数字</b>社会建设</p>: one run of three text nodes
    const [run] = [...textRuns(['p', '推进', ['b', '数字'], '社会建设'] as Tree, adapter)];
    const texts = run as string[];
    const pieces = planRun(texts);
    expect(pieces.map(({ node, start, end, index, count }) => ({ node, start, end, index, count }))).toEqual([
      { node: 1, start: 0, end: 2, index: 0, count: 2 },
      { node: 2, start: 0, end: 2, index: 1, count: 2 },
    ]);
    expect(pieces[0]!.match).toBe(pieces[1]!.match);
    expect(pieces[0]!.match.term).toBe('数字社会');
    expect(pieceTexts(texts, pieces)).toEqual(['数字', '社会']);
  });

  it('plans nothing across a skipped element or a block boundary', () => {
    const runs = [...textRuns(['div', '推进数字', ['code', 'x'], '社会', ['p', '建设']] as Tree, adapter)];
    expect(runs).toEqual([['推进数字'], ['社会'], ['建设']]);
    for (const run of runs) expect(planRun(run as string[])).toEqual([]);
  });

  it('selects occurrences: "first" once per entry across runs through `seen`, "all" every one', () => {
    const seen = new Set<number>();
    const first = planRun(['数字社会和数字社会'], { occurrence: 'first', seen });
    expect(first.map((piece) => piece.start)).toEqual([0]);
    expect(seen.size).toBe(1);
    // the next run of the same annotation: that entry is shown already
    expect(planRun(['又见数字社会'], { occurrence: 'first', seen })).toEqual([]);
    expect(planRun(['数字社会和数字社会'], { occurrence: 'all' }).map((piece) => piece.start)).toEqual([
      0, 5,
    ]);
  });

  it('groups the pieces of each match together, in document order', () => {
    const texts = ['推进数', '字社会和数字', '社会'];
    const groups = groupByMatch(planRun(texts));
    expect(groups.map((group) => group.map((piece) => piece.index))).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(groups.map((group) => pieceTexts(texts, group).join(''))).toEqual(['数字社会', '数字社会']);
    expect(groupByMatch([])).toEqual([]);
  });

  it('for any split of a text into nodes, the pieces rejoin into the matches of the joined text', () => {
    const words = ['数字社会', '未来社区', '推进', '和', '建设', '。', 'ab'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (parts, cuts) => {
          const joined = parts.join('');
          const at = [...new Set(cuts.map((cut) => cut % (joined.length + 1)))].sort((a, b) => a - b);
          const texts: string[] = [];
          let from = 0;
          for (const cut of [...at, joined.length]) {
            texts.push(joined.slice(from, cut));
            from = cut;
          }
          const matches = findTerms(joined);
          const groups = groupByMatch(cutPieces(texts, matches));
          expect(groups.map((group) => group[0]!.match)).toEqual(matches);
          for (const group of groups) {
            const match = group[0]!.match;
            expect(pieceTexts(texts, group).join('')).toBe(joined.slice(match.start, match.end));
            for (const piece of group) expect(piece.count).toBe(group.length);
          }
        },
      ),
    );
  });
});
