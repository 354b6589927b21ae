// Node: annotateHtml on a 1 MB CMS-like page (`npm run bench`) against the floor, parsing alone with the same parser,
// tree adapter and source locations. Figures vary with the machine; the ratio is what to compare.
import { parse } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { annotateHtml } from '../../src/html/annotate-html';
import { buildPage } from './annotate-html-page';
import { computeMegabytesPerSecond, countUtf8Bytes, measureInterleaved } from './measure';

const page = buildPage();
const bytes = countUtf8Bytes(page);
const rounds = 9;
const results = measureInterleaved(
  [
    {
      name: 'parse5 + htmlparser2 adapter, source locations (floor)',
      run: () => parse(page, { treeAdapter: adapter, sourceCodeLocationInfo: true }).children.length,
    },
    {
      name: 'annotateHtml, occurrence "all"',
      run: () => annotateHtml(page, { occurrence: 'all' }).matches.length,
    },
    { name: 'annotateHtml, occurrence "first"', run: () => annotateHtml(page).matches.length },
  ],
  rounds,
  2,
);
const floor = results[0]!;

console.log(
  `annotateHtml benchmark, Node ${process.version}: page of ${(bytes / 1e6).toFixed(2)} MB, median of ${rounds} rounds`,
);
for (const { name, ms, result } of results) {
  const rate = computeMegabytesPerSecond(bytes, ms).toFixed(1);
  const ratio = name === floor.name ? '' : `, ${(ms / floor.ms).toFixed(2)}× the floor's time`;
  console.log(`  ${name}: ${ms.toFixed(1)} ms, ${rate} MB/s (result ${result}${ratio})`);
}
