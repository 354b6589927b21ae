// The benchmark's CMS-like page: head, navigation, articles with inline markup, tables, lists, comments (seeded).
import { buildCorpus, createRandom } from './corpus';
import { countUtf8Bytes } from './measure';

/** A seeded page of at least `minBytes` UTF-8 bytes: head, navigation, articles with inline markup, tables, lists. */
export function buildPage(minBytes = 1_000_000, seed = 20220412): string {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const text = buildCorpus(1 << 20, seed)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
  let cursor = 0;
  // a stretch of corpus text, sometimes with its quotes written as references as editors' tools do
  const take = (length: number) => {
    if (cursor + length > text.length) cursor = 0;
    const slice = text.slice(cursor, cursor + length);
    cursor += length;
    return random() < 0.3 ? slice.replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;') : slice;
  };
  const inline = (length: number) => {
    const cut = Math.floor(random() * length);
    const tag = pick(['b', 'em', 'span', 'strong', 'a']);
    const attributes = tag === 'a' ? ' href="/news/item.html"' : tag === 'span' ? ' class="hl"' : '';
    return `${take(cut)}<${tag}${attributes}>${take(8)}</${tag}>${take(length - cut)}`;
  };
  const blocks: string[] = [];
  let size = 0;
  const head =
    '<!DOCTYPE html>\r\n<html lang="zh-CN">\r\n<head>\r\n<meta charset="utf-8">\r\n<title>数字社会建设工作动态</title>\r\n' +
    '<link rel="stylesheet" href="/css/site.css">\r\n<script>var _hmt = _hmt || []; /* 数字社会 */</script>\r\n' +
    '<style>.hl{color:#c00} /* 城市大脑 */</style>\r\n</head>\r\n<body>\r\n' +
    '<nav><ul><li><a href="/">首页</a></li><li><a href="/news/">数字社会</a></li><li><a href="/gov/">政务公开</a></li></ul></nav>\r\n';
  while (size < minBytes) {
    const kind = random();
    let block: string;
    if (kind < 0.6) block = `<p>${inline(120 + Math.floor(random() * 200))}</p>`;
    else if (kind < 0.7) block = `<h2>${take(16)}</h2>`;
    else if (kind < 0.8)
      block = `<ul>${Array.from({ length: 4 }, () => `<li>${take(40)}</li>`).join('')}</ul>`;
    else if (kind < 0.88)
      block = `<table class="data"><tr><th>${take(6)}</th><th>${take(6)}</th></tr>${Array.from(
        { length: 3 },
        () => `<tr><td>${take(30)}</td><td>${take(30)}</td></tr>`,
      ).join('')}</table>`;
    else if (kind < 0.94)
      block = `<div class="figure"><img src="/img/${size}.jpg" alt="${take(10)}"><p>${take(40)}</p></div>`;
    else block = `<!-- ${take(20)} --><p>${take(60)}<br>${take(60)}</p>`;
    blocks.push(block);
    size += countUtf8Bytes(block) + 2;
  }
  return `${head}<article>\r\n${blocks.join('\r\n')}\r\n</article>\r\n</body>\r\n</html>\r\n`;
}
