import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { loadMark, type MarkInstance } from './mark-js';
import { frames } from '../helpers/timing';
import { unmountAll } from '../helpers/dom';

/**
 * Random host operations on an annotated page and on a never-annotated twin built from the same model: after each
 * one the text (all of it, and block by block) must be the same. The host's own nodes are paired across the twins
 * as they are created, so an operation means the same thing on both.
 */

const PHRASES = [
  '推进数字社会建设',
  '城市大脑',
  '数字社会是浙江的重点工作。',
  '我们推进未来社区建设。',
  '浙农码与安心码',
  '一句没有名词的话',
  '推进数字',
  '社会建设',
  '',
  '健康大脑，教育大脑',
  // A big block: more matches than one step builds, so it is built over several steps and swapped in.
  '城市大脑与数字社会，'.repeat(40),
];
const KEYWORDS = ['社会', '数字社会', '大脑', '建设', '浙江', '码与', '推进', '的'];

type Part = { kind: 'text'; text: string } | { kind: 'inline'; tag: string; text: string };
type Op =
  | { kind: 'normalize'; block: number | null }
  | { kind: 'mark'; keyword: string }
  | { kind: 'unmark' }
  | { kind: 'unwrap'; element: number }
  | { kind: 'reparent'; element: number; block: number }
  | { kind: 'replace'; node: number; text: string }
  | { kind: 'split'; node: number; at: number }
  | { kind: 'set'; node: number; text: string }
  | { kind: 'remove'; node: number }
  | { kind: 'append'; block: number; text: string };

const phrase = fc.constantFrom(...PHRASES);
const part: fc.Arbitrary<Part> = fc.oneof(
  phrase.map((text) => ({ kind: 'text' as const, text })),
  fc
    .tuple(fc.constantFrom('b', 'span', 'em'), phrase)
    .map(([tag, text]) => ({ kind: 'inline' as const, tag, text })),
);
const page = fc.array(fc.array(part, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });
const index = fc.nat(40);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('normalize' as const), block: fc.option(index, { nil: null }) }),
  fc.record({ kind: fc.constant('mark' as const), keyword: fc.constantFrom(...KEYWORDS) }),
  fc.constant({ kind: 'unmark' as const }),
  fc.record({ kind: fc.constant('unwrap' as const), element: index }),
  fc.record({ kind: fc.constant('reparent' as const), element: index, block: index }),
  fc.record({ kind: fc.constant('replace' as const), node: index, text: phrase }),
  fc.record({
    kind: fc.constant('split' as const),
    node: index,
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('set' as const), node: index, text: phrase }),
  fc.record({ kind: fc.constant('remove' as const), node: index }),
  fc.record({ kind: fc.constant('append' as const), block: index, text: phrase }),
);

/** One of the two pages, with the host's nodes in creation order (the same order on both). */
interface Twin {
  root: HTMLDivElement;
  blocks: HTMLParagraphElement[];
  inlines: HTMLElement[];
  texts: Text[];
  mark: MarkInstance;
}

function build(model: Part[][], Mark: new (context: Element) => MarkInstance): Twin {
  const root = document.createElement('div');
  const twin: Twin = { root, blocks: [], inlines: [], texts: [], mark: new Mark(root) };
  for (const parts of model) {
    const block = document.createElement('p');
    for (const item of parts) {
      const text = document.createTextNode(item.text);
      twin.texts.push(text);
      if (item.kind === 'text') block.append(text);
      else {
        const inline = document.createElement(item.tag);
        inline.append(text);
        twin.inlines.push(inline);
        block.append(inline);
      }
    }
    twin.blocks.push(block);
    root.append(block);
  }
  document.body.append(root);
  return twin;
}

function pick<T>(items: readonly T[], at: number): T | undefined {
  return items.length ? items[at % items.length] : undefined;
}

const NODE_OPERATIONS = new Set<Op['kind']>(['replace', 'split', 'set', 'remove']);

/**
 * Applies one operation to both twins, on paired nodes. While mark.js's marks are in (from mark until unmark), the
 * plain twin's host nodes hold only what mark.js left in them, the annotated one's what the annotator left: an
 * operation on a host text node would mean different text on each, so none is made then.
 */
function apply(op: Op, twins: readonly Twin[], marked: boolean): void {
  if (marked && NODE_OPERATIONS.has(op.kind)) return;
  switch (op.kind) {
    case 'normalize':
      for (const twin of twins) (op.block === null ? twin.root : pick(twin.blocks, op.block))?.normalize();
      return;
    case 'mark':
      for (const twin of twins) twin.mark.mark(op.keyword, { separateWordSearch: false });
      return;
    case 'unmark':
      // mark.js normalizes each mark's parent, so only where it found marks; the annotated twin may have fewer (a
      // wrapper splits a keyword). The host then normalizes the root on both, so the host's nodes pair up again.
      for (const twin of twins) {
        twin.mark.unmark();
        twin.root.normalize();
      }
      return;
    case 'unwrap':
      for (const twin of twins) {
        const element = pick(twin.inlines, op.element);
        if (element?.parentNode) element.replaceWith(...element.childNodes);
      }
      return;
    case 'reparent':
      for (const twin of twins) {
        const element = pick(twin.inlines, op.element);
        const block = pick(twin.blocks, op.block);
        if (element && block && !element.contains(block)) block.append(element);
      }
      return;
    case 'replace':
      for (const twin of twins) {
        const node = pick(twin.texts, op.node);
        const next = document.createTextNode(op.text);
        twin.texts.push(next);
        if (node?.parentNode) node.replaceWith(next);
      }
      return;
    case 'split': {
      const nodes = twins.map((twin) => pick(twin.texts, op.node));
      // The host splits its node where it finds it: at an offset valid in both (the annotated one holds a prefix).
      const at = Math.floor(op.at * Math.min(...nodes.map((node) => node?.length ?? 0)));
      for (const node of nodes) if (node?.parentNode) node.splitText(at);
      return;
    }
    case 'set':
      for (const twin of twins) {
        const node = pick(twin.texts, op.node);
        if (node) node.data = op.text;
      }
      return;
    case 'remove':
      for (const twin of twins) pick(twin.texts, op.node)?.remove();
      return;
    case 'append':
      for (const twin of twins) {
        const next = document.createTextNode(op.text);
        twin.texts.push(next);
        pick(twin.blocks, op.block)?.append(next);
      }
      return;
  }
}

function texts(twin: Twin): string[] {
  return [twin.root.textContent ?? '', ...twin.blocks.map((block) => block.textContent ?? '')];
}

let annotation: Annotation | undefined;
afterEach(() => {
  annotation?.remove();
  annotation = undefined;
  unmountAll();
});

describe('hardening: host operations never change the page’s text (property)', function (this: {
  timeout(ms: number): void;
}) {
  // Generous for a loaded machine: the runs take a few seconds.
  this.timeout(120000);
  it('matches a never-annotated twin after every operation and settle', async () => {
    const Mark = await loadMark();
    await fc.assert(
      fc.asyncProperty(
        page,
        fc.array(fc.tuple(op, fc.boolean()), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (model, ops, observe) => {
          unmountAll();
          const plain = build(model, Mark);
          const annotated = build(model, Mark);
          annotation = annotate(annotated.root, { observe, occurrence: 'all' });
          await annotation.done;
          try {
            const log: string[] = [];
            let marked = false;
            for (const [step, settle] of ops) {
              apply(step, [plain, annotated], marked);
              if (step.kind === 'mark') marked = true;
              if (step.kind === 'unmark') marked = false;
              log.push(JSON.stringify(step));
              // The observer's callback (healing), and sometimes a frame (live batches).
              await Promise.resolve();
              if (settle) await frames(1);
              expect(texts(annotated), log.join(' ')).to.deep.equal(texts(plain));
            }
            annotation.remove();
            expect(texts(annotated), `${log.join(' ')} remove()`).to.deep.equal(texts(plain));
            expect(annotated.root.querySelector('dszd-term'), 'no wrapper after remove()').to.equal(null);
          } finally {
            annotation.remove();
          }
        },
      ),
      { seed: 1515, numRuns: 80 },
    );
  });
});
