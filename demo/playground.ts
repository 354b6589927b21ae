// The CMS playground: paste HTML, tag it with annotateHtml (the same engine the publish step uses), look at it.
import { annotateHtml } from '../src/html/annotate-html';
import type { Occurrence } from '../src/match/occurrence';
import { buildPreviewDocument, renderMatchRows, renderTaggedSource } from './playground-render';
import { PLAYGROUND_SAMPLE } from './playground-sample';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`playground: #${id} missing`);
  return element as T;
}

const form = byId<HTMLFormElement>('tag-form');
const source = byId<HTMLTextAreaElement>('source');
const occurrence = byId<HTMLSelectElement>('occurrence');
const exclude = byId<HTMLInputElement>('exclude');
const status = byId<HTMLParagraphElement>('status');
const problem = byId<HTMLParagraphElement>('problem');
const output = byId<HTMLElement>('output');
const preview = byId<HTMLIFrameElement>('preview');
const rows = byId<HTMLTableSectionElement>('matches');
const copy = byId<HTMLButtonElement>('copy');

let tagged = '';

function tagSource(): void {
  try {
    const result = annotateHtml(source.value, {
      occurrence: occurrence.value as Occurrence,
      exclude: exclude.value.trim() || undefined,
    });
    tagged = result.html;
    problem.hidden = true;
    problem.textContent = '';
    renderTaggedSource(output, source.value, result.insertions);
    preview.srcdoc = buildPreviewDocument(result.html);
    renderMatchRows(rows, result.matches);
    const terms = new Set(result.matches.map((match) => match.serial)).size;
    status.textContent = result.matches.length
      ? `标注了 ${result.matches.length} 处，共 ${terms} 个名词。`
      : '没有找到定义集中的名词。';
    copy.disabled = false;
  } catch (error) {
    tagged = '';
    problem.textContent = `无法标注：${error instanceof Error ? error.message : String(error)}`;
    problem.hidden = false;
    status.textContent = '';
    copy.disabled = true;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!source.value) source.value = PLAYGROUND_SAMPLE;
  tagSource();
});

copy.addEventListener('click', () => {
  navigator.clipboard.writeText(tagged).then(
    () => (status.textContent = '已复制标注后的 HTML。'),
    () => (status.textContent = '浏览器不允许复制，请在源码框中手动选择复制。'),
  );
});

if (!source.value) source.value = PLAYGROUND_SAMPLE;
tagSource();
