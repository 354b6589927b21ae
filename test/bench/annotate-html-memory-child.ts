// Child process of annotate-html-memory.bench.ts: runs one job in a fresh process, then prints its peak RSS (bytes).
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, serialize } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { runCli } from '../../src/cli/run';
import { parseHtml } from '../../src/html/parse-html';

const [job, input, output] = process.argv.slice(2);
let result: number;
if (job === 'read') result = readFileSync(input!, 'utf8').length;
else if (job === 'parse')
  result = parse(readFileSync(input!, 'utf8'), { treeAdapter: adapter, sourceCodeLocationInfo: true })
    .children.length;
else if (job === 'floor') {
  // what any parse5-based tagger pays at least: the page, parse5's own tree, the serialized page written out
  const html = serialize(parse(readFileSync(input!, 'utf8')));
  writeFileSync(output!, html);
  result = html.length;
} else if (job === 'parse-tagger') result = parseHtml(readFileSync(input!, 'utf8')).children.length;
else if (job === 'cli-first' || job === 'cli-all') {
  const occurrence = job === 'cli-all' ? 'all' : 'first';
  const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
  result = await runCli(['annotate', input!, '--occurrence', occurrence, '-o', output!, '--force'], io);
  if (result !== 0) throw new Error(`dszd-term exited ${result}`);
} else throw new Error(`unknown job ${job}`);
process.stdout.write(`${JSON.stringify({ peak: process.resourceUsage().maxRSS * 1024, result })}\n`);
