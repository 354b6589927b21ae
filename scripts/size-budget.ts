/**
 * Size limits of the drop-in script's stages, gzip level 9 bytes; the package test checks them and `npm run size`
 * shows them. Lower a budget as its stage shrinks; raise it only with a reason.
 */
import { gzipSync } from 'node:zlib';
import { definitionSet } from '../src/definitions/definition-set.generated';
import { entryTextsFile, SET_TEXTS_FILE } from '../src/stages/texts-files';

/** One classic script of the drop-in: its file in dist/, the `vite build --mode` that makes it. */
export interface DropInStage {
  name: string;
  file: string;
  mode: string;
}

export const DROP_IN_STAGES: readonly DropInStage[] = [
  { name: 'first stage', file: 'dszd-term.iife.js', mode: 'iife' },
  { name: 'live stage', file: 'dszd-term.live.js', mode: 'iife-live' },
  { name: 'card stage', file: 'dszd-term.card.js', mode: 'iife-card' },
  { name: 'highlight stage', file: 'dszd-term.highlight.js', mode: 'iife-highlight' },
  { name: 'sets stage', file: 'dszd-term.sets.js', mode: 'iife-sets' },
];

/**
 * What a page loads before its first term is marked. The goal is 16 KB. Terser with private members renamed, the
 * names as one string and the card-only modules moved out took it to 18.9 KB; the sets loader, off-document wrapping
 * and the layered modules added 1 KB; `?.` unlowered and shorter registry keys took 0.46 KB off (19.47 KB). Keeping
 * huge pages responsive (a huge text node matched in 64 K-character steps, built runs put in together) added
 * 0.33 KB. Moving what matters only once the page changes to the live stage, and handing the first stage's exports
 * on as one array, took 2.5 KB off; the card reading the term's label language itself, show() and hide() through
 * card-host, and literal constants written by the later stages instead of taking a registry slot 0.1 KB more (17.09
 * KB). The Chinese data spelt in ASCII and \u escapes for the rest (0.33 KB), remove() in steps moved to the live
 * stage, terser's hoist_funs and shorter messages (0.23 KB) took it to 16.53 KB; the sparse automaton alone (no dense
 * table in the drop-in's stages, 0.3 KB) and the card's preparation handed to the card stage to 16.26 KB. The goal
 * met: `<dszd-term>`'s description and setExpanded installed by the card stage (0.11 KB), terser's keep_fargs (18 B)
 * and keepSelection taken from the live stage during the first pass (0.25 KB) took it to 15.88 KB (16,263 B); then
 * evaluating the stage in a task of its own (the tag's function keeps `document.currentScript` and sets a timer;
 * vite.config.ts, evaluateInOwnTask) added 31 B. What is in it: docs/architecture.md, "The live stage". The budget is
 * the goal, 16 KB: growth past it fails.
 */
export const FIRST_STAGE_BUDGET_BYTES = 16 * 1024;
/**
 * The live stage, fetched right after the first pass (healing, the page's changes, editable content, remove() in
 * steps, and since the first stage's 16 KB the selection kept around big swaps): 4.28 KB; 4.30 KB since the card stage
 * takes the script loader from the first stage too (the first stage's registry array has one slot more); 4.32 KB
 * (34 B more) since its arrival resolves the first stage's occurrences a task after its set-up (one task on a phone was
 * over 50 ms); 4.41 KB (4,519 B) since remove() takes a big block's wrappers in steps sized by their time, not the
 * whole block in one task (10,000 wrappers in one paragraph: 0.5–1.1 s in the call before); 5.38 KB (5,512 B) since
 * it brings a run with more wrappers than a step in parts and the wrappers kept when a block is read again (parts.ts:
 * the first stage 61 B less, and its first pass leaves such a run to the live stage), and remove()'s steps that
 * never cost a block more layouts than its parts do, both measuring the frames after them (FrameBudget).
 */
export const LIVE_STAGE_BUDGET_BYTES = 5.45 * 1024;
/**
 * The first stage and what a card's first opening adds to it: the card stage and the entry's texts (the largest
 * entry file is counted). The goal is 44 KB (aim 40 KB). While the card stage carried the set's texts (9.3 KB gzip)
 * the first, live and card stages together were 52.58 KB. With the texts in files of their own: 40.86 KB (first stage
 * 15.98 KB, card stage 24.17 KB, written in ASCII now so that a page in GBK reads it right, which gzips 0.1 KB smaller
 * without the texts, and taking the set's file or the entry's, whichever comes first, 0.15 KB more; the largest entry
 * 0.71 KB). The live stage, which wrap mode loads after the first pass whether or not a card opens, has a budget of
 * its own; with it a page that opened a card has loaded 45.14 KB; the set's texts for the terms' descriptions follow.
 * The card's first entry rendered ahead in three idle steps (header, texts, the rest: each a task under 50 ms on a
 * phone, where the one render was not) made the card stage 48 B larger: 40.92 KB; the terms re-rendered a few at a
 * time as the card stage and the set's texts arrive (src/term/render-later.ts), 147 B more: 41.06 KB; lit's code
 * run on throwaway templates in two idle steps before the card's first render (most of that render on a phone was
 * the engine compiling lit's code) and the closed card laid out, 139 B more: 41.20 KB; an intent before the card was
 * made runs the steps left a task or a frame each (they were one task), but for other entries' templates, 135 B more:
 * 41.36 KB.
 */
export const FIRST_CARD_OPEN_BUDGET_BYTES = 41.4 * 1024;
/** The largest file of one entry's texts (`dszd-term.entry-<serial>.js`): 0.71 KB. */
export const ENTRY_TEXTS_BUDGET_BYTES = 0.75 * 1024;
/**
 * The set's texts in one file (`dszd-term.texts.js`), which the terms on a page take for their descriptions once the
 * card stage is there (one request, however many entries the page names): 9.27 KB (9.1 KB inside the card stage,
 * where gzip shared its context with the card's code, and written in UTF-8).
 */
export const SET_TEXTS_BUDGET_BYTES = 9.3 * 1024;
/**
 * The highlight stage, loaded on top of the first and card stages only for `data-mode="highlight"` (8.09 KB: it
 * carries the live observer and the occurrence moves itself since they left the first stage for the live stage).
 */
export const HIGHLIGHT_STAGE_BUDGET_BYTES = 8.25 * 1024;
/** The sets stage, loaded only for a page's own definition sets (`data-set`, `configureTerms({ sets })`). */
export const SETS_STAGE_BUDGET_BYTES = 3 * 1024;

export interface BudgetCheck {
  name: string;
  bytes: number;
  budget: number;
  ok: boolean;
}

/** The files of the entries' texts, beside the stages (vite.config.ts, entryTextsFiles). */
export const ENTRY_TEXTS_FILES: readonly string[] = definitionSet.entries.map((entry) =>
  entryTextsFile(entry.serial),
);

/** Each budget against the files `read` returns (gzip level 9). */
export function checkStageBudgets(read: (file: string) => Uint8Array): BudgetCheck[] {
  const gzip = (file: string) => gzipSync(read(file), { level: 9 }).length;
  const [first, live, card, highlight, sets] = DROP_IN_STAGES.map((stage) => gzip(stage.file)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const entry = Math.max(...ENTRY_TEXTS_FILES.map(gzip));
  const texts = gzip(SET_TEXTS_FILE);
  const check = (name: string, bytes: number, budget: number) => ({
    name,
    bytes,
    budget,
    ok: bytes <= budget,
  });
  return [
    check('dszd-term.iife.js (first stage)', first, FIRST_STAGE_BUDGET_BYTES),
    check('dszd-term.live.js', live, LIVE_STAGE_BUDGET_BYTES),
    check('the largest dszd-term.entry-*.js', entry, ENTRY_TEXTS_BUDGET_BYTES),
    check('dszd-term.texts.js', texts, SET_TEXTS_BUDGET_BYTES),
    check(
      'dszd-term.iife.js + dszd-term.card.js + the largest entry (a card open)',
      first + card + entry,
      FIRST_CARD_OPEN_BUDGET_BYTES,
    ),
    check('dszd-term.highlight.js', highlight, HIGHLIGHT_STAGE_BUDGET_BYTES),
    check('dszd-term.sets.js', sets, SETS_STAGE_BUDGET_BYTES),
  ];
}
