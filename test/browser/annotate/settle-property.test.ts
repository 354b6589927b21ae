/**
 * Property test of live annotation: random trees of blocks and inline elements with term text (a block of 80
 * matches among them), and random sequences of the page's changes (remove, insert, move, rewrite to the same or
 * another length, attribute changes, and framework-style `nodeValue` patches of text the annotator split), made on
 * the annotated tree and on a twin that is never annotated. After each settle (`annotation.settled()`, no sleeps):
 * - the text is the twin's;
 * - "all": every occurrence in the twin's text is annotated, and nothing else; "first": each entry once, at its
 *   first occurrence in document order;
 * - every wrapper's `term` is the match of its own text; `annotation.matches` is what is on the page.
 * Wrap and highlight mode alike. Fixed seed in `npm test`; for longer runs set DSZD_SEED and DSZD_RUNS (runs per
 * mode), e.g. `DSZD_SEED=7 DSZD_RUNS=5000 npx wtr --files test/browser/annotate/settle-property.test.ts`.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
// The elements defined, as on a real page: a wrapper is then an element with its own shadow root.
import '../../../src/define';
import type { AnnotateOptions } from '../../../src/annotate/options';
import { findTerms } from '../../../src/match/find-terms';
import { expectedFor, wrappedMatches } from '../frameworks/faithful';
import { highlightedRanges } from '../helpers/annotate';
import { delayLive, type LiveGate } from '../helpers/delay-live';

const SEED = Number(process.env.DSZD_SEED) || 20261201;
const RUNS = Number(process.env.DSZD_RUNS) || 0;

/** Phrases with terms, without, halves of a term, and same-length pairs (数字社会 ↔ 城市大脑, 浙农码 ↔ 安心码). */
const PHRASES = [
  '数字社会',
  '城市大脑',
  '未来社区',
  '浙农码',
  '安心码',
  '推进数字社会建设',
  '推进城市大脑建设',
  '一句没有名词的话',
  '推进数字',
  '社会建设',
  '',
  '健康大脑，教育大脑',
  '城市大脑与数字社会',
  // A big block: more matches than one step builds, so it is built over several steps and swapped in.
  '城市大脑与数字社会，'.repeat(40),
];

type Tree =
  | { kind: 'text'; text: string }
  | { kind: 'inline'; tag: string; children: Tree[] }
  | { kind: 'block'; tag: string; children: Tree[] };

const text = fc.constantFrom(...PHRASES).map((value): Tree => ({ kind: 'text', text: value }));
const inline = fc
  .tuple(fc.constantFrom('span', 'b', 'em'), fc.array(text, { minLength: 1, maxLength: 2 }))
  .map(([tag, children]): Tree => ({ kind: 'inline', tag, children }));
const leafBlock = fc
  .tuple(
    fc.constantFrom('p', 'li', 'section'),
    fc.array(fc.oneof(text, inline), { minLength: 1, maxLength: 3 }),
  )
  .map(([tag, children]): Tree => ({ kind: 'block', tag, children }));
const block = fc.oneof(
  { weight: 3, arbitrary: leafBlock },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(text, leafBlock), { minLength: 1, maxLength: 3 })
      .map((children): Tree => ({ kind: 'block', tag: 'div', children })),
  },
);
const tree = fc.array(block, { minLength: 1, maxLength: 4 });

type Change =
  | { kind: 'remove'; pick: number }
  | { kind: 'insert'; pick: number; node: Tree; inside: boolean }
  | { kind: 'move'; pick: number; to: number; inside: boolean }
  | { kind: 'rewrite'; pick: number; text: string; sameLength: boolean }
  | { kind: 'attribute'; pick: number; value: number }
  | { kind: 'patch'; pick: number; text: string };

const pick = fc.nat({ max: 99 });
const phrase = fc.constantFrom(...PHRASES);
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), pick }),
  fc.record({
    kind: fc.constant('insert' as const),
    pick,
    node: fc.oneof(text, inline, leafBlock),
    inside: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('move' as const), pick, to: pick, inside: fc.boolean() }),
  fc.record({ kind: fc.constant('rewrite' as const), pick, text: phrase, sameLength: fc.boolean() }),
  fc.record({ kind: fc.constant('attribute' as const), pick, value: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('patch' as const), pick, text: phrase }),
);
/** Changes made in one go (one task), then a settle. */
const steps = fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });

/** The twin's nodes and the annotated tree's own (the host's) nodes, pair by pair. */
type Pairs = Map<Node, Node>;

function build(models: readonly Tree[], plain: Node, live: Node, pairs: Pairs): void {
  for (const model of models) {
    const [a, b] = create(model, pairs);
    plain.appendChild(a);
    live.appendChild(b);
  }
}

function create(model: Tree, pairs: Pairs): [Node, Node] {
  if (model.kind === 'text') {
    const pair: [Node, Node] = [document.createTextNode(model.text), document.createTextNode(model.text)];
    pairs.set(pair[0], pair[1]);
    return pair;
  }
  const pair: [Element, Element] = [document.createElement(model.tag), document.createElement(model.tag)];
  pairs.set(pair[0], pair[1]);
  build(model.children, pair[0], pair[1], pairs);
  return pair;
}

/** The twin's nodes under its root, in document order. */
function nodesOf(root: Node): Node[] {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

/** A text of the same length as `value` (another phrase, or the value reversed). */
function sameLength(value: string, wanted: string): string {
  const other = PHRASES.find((candidate) => candidate.length === value.length && candidate !== value);
  return wanted.length === value.length ? wanted : (other ?? [...value].reverse().join(''));
}

/** Applies one change to the twin and, through the paired host nodes, the same DOM calls to the annotated tree. */
function apply(changeToMake: Change, plainRoot: Element, pairs: Pairs): void {
  const nodes = nodesOf(plainRoot);
  if (!nodes.length && changeToMake.kind !== 'insert') return;
  const at = (index: number) => nodes[index % nodes.length]!;
  const live = (node: Node) => (node === plainRoot ? pairs.get(plainRoot)! : pairs.get(node)!);
  switch (changeToMake.kind) {
    case 'remove': {
      const node = at(changeToMake.pick);
      node.parentNode!.removeChild(node);
      live(node).parentNode!.removeChild(live(node));
      return;
    }
    case 'insert': {
      const [a, b] = create(changeToMake.node, pairs);
      const reference = nodes.length ? at(changeToMake.pick) : plainRoot;
      insert(a, b, reference, changeToMake.inside, plainRoot, live);
      return;
    }
    case 'move': {
      const node = at(changeToMake.pick);
      const reference = at(changeToMake.to);
      if (node.contains(reference)) return;
      insert(node, live(node), reference, changeToMake.inside, plainRoot, live);
      return;
    }
    case 'attribute': {
      const node = at(changeToMake.pick);
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      (node as Element).setAttribute('class', `c${changeToMake.value}`);
      (live(node) as Element).setAttribute('class', `c${changeToMake.value}`);
      return;
    }
    case 'rewrite':
    case 'patch': {
      const texts = nodes.filter((node): node is Text => node.nodeType === Node.TEXT_NODE);
      // A patch goes to text the annotator split (its host node holds less than the twin's), if there is any.
      const split = texts.filter((node) => (live(node) as Text).data !== node.data);
      const pool = changeToMake.kind === 'patch' && split.length ? split : texts;
      if (!pool.length) return;
      const node = pool[changeToMake.pick % pool.length]!;
      const value =
        changeToMake.kind === 'rewrite' && changeToMake.sameLength
          ? sameLength(node.data, changeToMake.text)
          : changeToMake.text;
      node.nodeValue = value;
      live(node).nodeValue = value;
      return;
    }
  }
}

/** Inserts `a` into the twin and `b` into the annotated tree: into an element (appended) or before a node. */
function insert(
  a: Node,
  b: Node,
  reference: Node,
  inside: boolean,
  plainRoot: Element,
  live: (node: Node) => Node,
) {
  if ((inside && reference.nodeType === Node.ELEMENT_NODE) || reference === plainRoot) {
    reference.appendChild(a);
    live(reference).appendChild(b);
    return;
  }
  reference.parentNode!.insertBefore(a, reference);
  live(reference).parentNode!.insertBefore(b, live(reference));
}

/** The annotated tree's state against the twin's (see the header). */
function check(
  live: Element,
  plain: Element,
  annotation: Annotation,
  options: Required<Pick<AnnotateOptions, 'mode' | 'occurrence'>>,
  step: string,
) {
  expect(live.textContent, `text after ${step}`).to.equal(plain.textContent);
  const wanted = expectedFor(plain, options.occurrence);
  if (options.mode === 'wrap') {
    const wrapped = wrappedMatches(live);
    for (const match of wrapped) {
      const [term, own] = match.split('=') as [string, string];
      const found = findTerms(own);
      expect(
        found.length === 1 && found[0]!.term === term && found[0]!.end - found[0]!.start === own.length,
        `wrapper ${match} after ${step}`,
      ).to.equal(true);
    }
    expect(wrapped, `annotated after ${step}`).to.deep.equal(wanted);
  } else {
    const texts = highlightedRanges()
      .filter((range) => live.contains(range.startContainer))
      .map((range) => range.toString());
    expect(texts, `highlighted after ${step}`).to.deep.equal(
      wanted.map((match) => match.slice(match.indexOf('=') + 1)),
    );
  }
  expect(annotation.matches, `matches after ${step}`).to.equal(wanted.length);
}

/**
 * `delayed`: the live part of wrap mode comes as in the drop-in, after the first pass, and only once the first
 * step's changes were made (they are kept meanwhile and handled when it arrives).
 */
function checkSequences(
  mode: 'wrap' | 'highlight',
  occurrence: 'first' | 'all',
  runs: number,
  delayed = false,
): Promise<void> {
  return fc.assert(
    fc.asyncProperty(tree, steps, async (models, sequence) => {
      const pairs: Pairs = new Map();
      const plain = document.createElement('div');
      const live = document.createElement('div');
      pairs.set(plain, live);
      build(models, plain, live, pairs);
      document.body.prepend(live);
      const gate: LiveGate | undefined = delayed ? delayLive() : undefined;
      const annotation = annotate(live, { mode, occurrence, observe: true });
      try {
        await annotation.done;
        check(live, plain, annotation, { mode, occurrence }, 'the first pass');
        for (const [number, changes] of sequence.entries()) {
          for (const one of changes) apply(one, plain, pairs);
          gate?.release();
          await annotation.settled();
          check(
            live,
            plain,
            annotation,
            { mode, occurrence },
            `step ${number + 1} ${JSON.stringify(changes)}`,
          );
        }
      } catch (error) {
        // fast-check reports the counterexample; this says what was wrong with it.
        console.log(String(error));
        throw error;
      } finally {
        gate?.release();
        await annotation.remove();
        gate?.restore();
        live.remove();
      }
    }),
    { numRuns: RUNS || runs, seed: SEED },
  );
}

describe('annotate: the page changes, the annotation follows (property)', function (this: {
  timeout(ms: number): void;
}) {
  this.timeout(300_000);

  it('wrap, "first": each entry once, at its first occurrence', () => checkSequences('wrap', 'first', 200));
  it('wrap, "all": every occurrence', () => checkSequences('wrap', 'all', 150));
  it('wrap, "first", the live part arriving after the first changes (the drop-in)', () =>
    checkSequences('wrap', 'first', 100, true));
  it('wrap, "all", the live part arriving after the first changes (the drop-in)', () =>
    checkSequences('wrap', 'all', 75, true));
  it('highlight, "first"', () => checkSequences('highlight', 'first', 100));
  it('highlight, "all"', () => checkSequences('highlight', 'all', 50));
});
