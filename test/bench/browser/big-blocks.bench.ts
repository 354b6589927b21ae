import { expect } from '@open-wc/testing';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { cutPieces } from '../../../src/runs/plan';
import { splitOffDocument, type OffDocumentSplit } from '../../../src/annotate/wrap/wrap';
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import { findTerms } from '../../../src/match/find-terms';
import { createRandom } from '../corpus';
import { frames } from '../../browser/helpers/timing';
import { recordLongTasks } from './long-tasks';
import { defineElement, TERM_TAG } from '../../../src/elements/define';
import { DszdTerm } from '../../../src/term/dszd-term';

// Pages with one very large block: what the annotator must not stall on. For each page, in the same run:
// - floor: the same wrapping done all at once in one task (findTerms, then every stretch split and wrapped), timed
//   until the frame after it has rendered;
// - control: the page's own cost of rendering the final DOM (a clone of the annotated root put in its place, its
//   elements' own work done first): the longest task the browser reports for it. Our longest task is compared with
//   it: the swap of a big block makes the page lay that block out once, which is the page's frame cost, not our work;
// - ours: annotate(…, { occurrence: 'all' }) until `done` and two frames; then remove() until `removed`.

/** Which page to run alone while working on one (-1: all). */
const ONLY: number = -1;
/**
 * Whether `<dszd-term>` is defined, as on a page with the drop-in or `define`: every wrapper then has a shadow root
 * and renders its role and description as it is connected, in the floor, in ours and in the control alike.
 */
const WITH_ELEMENT: boolean = true;
if (WITH_ELEMENT) defineElement(TERM_TAG, DszdTerm);

const names = definitionSet.entries.map((entry) => entry.term);
const FILLER =
  '的一是在不了有和人这中为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面';

/** Text with `matches` terms, each after `gap` filler characters. */
function termText(matches: number, gap: number, seed: number): string {
  const random = createRandom(seed);
  const parts: string[] = [];
  for (let i = 0; i < matches; i++) {
    let filler = '';
    for (let k = 0; k < gap; k++) filler += FILLER[Math.floor(random() * FILLER.length)];
    parts.push(filler, names[Math.floor(random() * names.length)]!);
  }
  return parts.join('') + '。';
}

interface Page {
  label: string;
  build: () => HTMLElement;
  /** Matches expected at least. */
  matches: number;
}

const paragraph = (text: string) => {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
};

const PAGES: Page[] = [
  {
    label: '10,000 matches in one text node',
    build: () => paragraph(termText(10_000, 12, 1)),
    matches: 10_000,
  },
  {
    label: '50,000 matches in one text node',
    build: () => paragraph(termText(50_000, 12, 2)),
    matches: 50_000,
  },
  {
    label: '50,000 paragraphs',
    build: () => {
      const article = document.createElement('article');
      const random = createRandom(3);
      for (let i = 0; i < 50_000; i++)
        article.append(paragraph(termText(1 + Math.floor(random() * 2), 20, i)));
      return article;
    },
    matches: 50_000,
  },
  {
    label: 'one paragraph of 32,000 one-character spans',
    build: () => {
      const p = document.createElement('p');
      for (const char of termText(3_000, 6, 4).slice(0, 32_000)) {
        const span = document.createElement('span');
        span.textContent = char;
        p.append(span);
      }
      return p;
    },
    matches: 2_500,
  },
  {
    label: '20 MB text node',
    build: () => paragraph(termText(20_000, 1_000, 5)),
    matches: 20_000,
  },
];

/** The next frame, and the page's layout of what changed (forced, so that both ways pay for it alike). */
async function laidOut(): Promise<void> {
  await frames(1);
  void document.body.offsetHeight;
}

/** Mounts a fresh copy of the page and lets its first layout (the page's own) finish. */
async function mount(page: Page): Promise<HTMLElement> {
  const root = document.createElement('div');
  root.append(page.build());
  document.body.append(root);
  await frames(3);
  return root;
}

/**
 * The same wrapping, all at once: every match found and every block's new nodes built and put in, in one task (the
 * annotator's own off-document builder, without slices), until the next frame has rendered.
 */
async function wrapAllAtOnce(root: HTMLElement): Promise<number> {
  const started = performance.now();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const blocks = new Map<Node, Text[]>();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const block = node.parentElement!.closest('p')!;
    const nodes = blocks.get(block);
    if (nodes) nodes.push(node);
    else blocks.set(block, [node]);
  }
  let matches = 0;
  for (const nodes of blocks.values()) {
    const texts = nodes.map((node) => node.data);
    const found = findTerms(texts.join(''));
    const splits = new Map<Text, OffDocumentSplit>();
    // a match split across nodes: its pieces share an id of their own, as the annotator gives them
    const ids = new Map<object, string>();
    const idOf = (match: object) => ids.get(match) ?? ids.set(match, `m${ids.size}`).get(match)!;
    for (const piece of cutPieces(texts, found)) {
      const node = nodes[piece.node]!;
      if (!splits.has(node)) splits.set(node, splitOffDocument(node));
      splits
        .get(node)!
        .wrap(piece.start, piece.end, piece.match.term, piece.count > 1 ? idOf(piece.match) : null);
    }
    for (const split of splits.values()) split.commit();
    matches += found.length;
  }
  expect(matches).to.be.greaterThan(0);
  await laidOut();
  return performance.now() - started;
}

/**
 * The page's own costs, on a copy of the final DOM (the annotation's own observer does not watch it) put in the
 * annotated root's place, so that it is on screen as the result was (below the root it would not be painted):
 * rendering it (the longest task of the frames after it went in; not the task that puts it in, where its elements
 * are constructed, connected and rendered), and its layout after the smallest change of our kind (the first
 * character of its middle block's text put in a span, style and layout forced, the fastest of three). A page of
 * 50,000 paragraphs lays the article out again after any such change; a huge block is laid out whole again.
 */
async function measureOwnCosts(
  annotated: HTMLElement,
): Promise<{ layoutMs: number; frameMs: number; ownFrameMs: number }> {
  const copy = annotated.cloneNode(true) as HTMLElement;
  const figures = await recordLongTasks(async () => {
    // In the task that starts the recording, which it does not count: the clone's elements connect and render here.
    annotated.replaceWith(copy);
    await frames(2);
  });
  const blocks = copy.querySelectorAll('p');
  const block = blocks[blocks.length >> 1]!;
  let fastest = Infinity;
  const wrapFirstCharacter = (): boolean => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode() as Text | null;
    while (text && !text.length) text = walker.nextNode() as Text | null;
    if (!text) return false;
    text.splitText(1);
    const span = document.createElement('span');
    text.replaceWith(span);
    span.append(text);
    return true;
  };
  for (let round = 0; round < 3; round++) {
    if (!wrapFirstCharacter()) break;
    const started = performance.now();
    void document.body.offsetHeight;
    fastest = Math.min(fastest, performance.now() - started);
    await frames(1);
  }
  // The same change left to the browser's own frame: its longest task (style, layout, paint), the median of three.
  const frameTasks: number[] = [];
  for (let round = 0; round < 3; round++) {
    let changed = false;
    const frame = await recordLongTasks(async () => {
      changed = wrapFirstCharacter();
      await frames(2);
    });
    if (changed) frameTasks.push(Math.max(0, ...frame.tasks));
  }
  frameTasks.sort((a, b) => a - b);
  copy.replaceWith(annotated);
  await frames(3);
  return {
    layoutMs: Math.max(0, ...figures.tasks),
    frameMs: Math.round(fastest),
    ownFrameMs: frameTasks[frameTasks.length >> 1] ?? 0,
  };
}

async function measurePage(page: Page): Promise<void> {
  // Twice, the faster counts: the first run also compiles the code.
  let floorMs = Infinity;
  for (let round = 0; round < 2; round++) {
    const floorRoot = await mount(page);
    floorMs = Math.min(floorMs, await wrapAllAtOnce(floorRoot));
    floorRoot.remove();
  }

  const root = await mount(page);
  const text = root.textContent!;
  const html = root.innerHTML;
  let annotation!: Annotation;
  let matches = 0;
  let oursMs = 0;
  const during = await recordLongTasks(async () => {
    const started = performance.now();
    annotation = annotate(root, { occurrence: 'all' });
    matches = (await annotation.done).matches;
    await laidOut();
    oursMs = performance.now() - started;
  });
  expect(matches).to.be.at.least(page.matches);
  expect(root.textContent).to.equal(text);
  const { layoutMs: ownLayoutMs, frameMs: ownChangeMs, ownFrameMs } = await measureOwnCosts(root);
  let removeMs = 0;
  let removeSyncMs = 0;
  const removing = await recordLongTasks(async () => {
    const started = performance.now();
    const removing = annotation.remove();
    removeSyncMs = performance.now() - started;
    await removing;
    await laidOut();
    removeMs = performance.now() - started;
  });
  expect(root.innerHTML === html, 'remove() restores the page').to.equal(true);
  root.remove();
  const longest = Math.max(0, ...during.tasks);
  // Where the browser reports long animation frames: the script of the longest and the longest rendering.
  const framesNote = during.frames.length
    ? `; in long animation frames: the longest script ${Math.max(...during.frames.map((f) => f.scriptMs))} ms, the ` +
      `longest rendering ${Math.max(...during.frames.map((f) => f.renderMs))} ms (${during.frames.length} frames)`
    : '';
  const removingFrames = removing.frames.length
    ? `, the longest script in a long animation frame ${Math.max(...removing.frames.map((f) => f.scriptMs))} ms`
    : '';
  const next = [...during.tasks].sort((a, b) => b - a).slice(1, 4);
  console.log(
    `${page.label}: ${matches} matches; floor (all at once) ${floorMs.toFixed(0)} ms, ours ${oursMs.toFixed(0)} ms ` +
      `(${(oursMs / floorMs).toFixed(2)}× the floor); longest task while annotating ${longest} ms ` +
      `(${during.tasks.length} over 50 ms; the next longest ${next.join(', ') || '–'} ms), page's own layout of the result ${ownLayoutMs} ms, page's own layout ` +
      `after a one-character wrap ${ownChangeMs} ms, its frame after that change ${ownFrameMs} ms (longest task beyond ` +
      `it ${Math.max(0, longest - ownFrameMs)} ms)${framesNote}; ` +
      `remove(): ${removeMs.toFixed(0)} ms (${removeSyncMs.toFixed(0)} ms in the call), longest task ${Math.max(0, ...removing.tasks)} ms${removingFrames}; control task ${during.controlMs} ms`,
  );
}

/** Highlight mode on the page: how long remove() takes and the longest task meanwhile. */
async function measureHighlightRemove(page: Page): Promise<void> {
  const root = await mount(page);
  const annotation = annotate(root, { mode: 'highlight', occurrence: 'all' });
  const { matches } = await annotation.done;
  expect(matches).to.be.at.least(page.matches);
  await frames(2);
  let removeMs = 0;
  const removing = await recordLongTasks(async () => {
    const started = performance.now();
    annotation.remove();
    removeMs = performance.now() - started;
    await frames(2);
  });
  root.remove();
  console.log(
    `${page.label}, highlight mode: ${matches} matches; remove() ${removeMs.toFixed(0)} ms, longest task ` +
      `${Math.max(0, ...removing.tasks)} ms; control task ${removing.controlMs} ms`,
  );
}

describe('annotate: very large blocks', function (this: { timeout(ms: number): void }) {
  this.timeout(3_600_000);
  for (const page of PAGES.filter((_, i) => ONLY < 0 || i === ONLY)) it(page.label, () => measurePage(page));
  if (ONLY < 0 || ONLY === 1) it('highlight mode, remove()', () => measureHighlightRemove(PAGES[1]!));
});
