// The article demo page as the phone benchmarks serve it: with its module script replaced by the one tag a site writes
// (same data attributes), or with no script of ours (the control).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const AUTO_SCRIPT = /<script\s+type="module"\s+src="[^"]*auto\.ts"([^>]*)><\/script>/;

function readArticle(root) {
  return readFileSync(join(root, 'demo', 'article.html'), 'utf8');
}

/** demo/article.html with the drop-in tag loading `src` (e.g. `/dist/dszd-term.iife.js`). */
export function articleWithDropIn(root, src) {
  const html = readArticle(root);
  const replaced = html.replace(
    AUTO_SCRIPT,
    (_m, attributes) => `<script src="${src}" defer${attributes.replace(/\s+/g, ' ').trimEnd()}></script>`,
  );
  if (replaced === html) throw new Error('demo/article.html no longer has its auto.ts script tag');
  return replaced;
}

/** The same article with no script of ours. */
export function articleWithoutScript(root) {
  return readArticle(root).replace(AUTO_SCRIPT, '');
}
