// What the playground shows, kept apart from the page wiring so it can be tested: the tagged source with the
// inserted tags marked, an inert preview document, and the list of tagged terms. Everything goes in as text.
import type { HtmlMatch } from '../src/html/annotate-html';

/** A text to insert at an offset of the input (the shape annotateHtml reports its insertions in). */
export interface SourceInsertion {
  offset: number;
  text: string;
}

/** Styles the preview's `<dszd-term>` tags: the preview runs no script, so the tags are shown, not live. */
const PREVIEW_STYLE = `<style>
  :where(body) { margin: 1rem; font-family: system-ui, sans-serif; line-height: 1.7; }
  dszd-term { background: #fff3b0; color: inherit; border-bottom: 2px solid #b06000; }
  dszd-term[data-dszd-match] { border-bottom-style: dashed; }
</style>`;

/**
 * Replaces `target`'s content with the tagged source as text: the untouched input, and each inserted tag in a
 * `<mark>` so the reader sees exactly what was added.
 */
export function renderTaggedSource(
  target: HTMLElement,
  input: string,
  insertions: readonly SourceInsertion[],
): void {
  const doc = target.ownerDocument;
  const parts: Node[] = [];
  let done = 0;
  for (const { offset, text } of insertions) {
    if (offset > done) parts.push(doc.createTextNode(input.slice(done, offset)));
    const mark = doc.createElement('mark');
    mark.textContent = text;
    parts.push(mark);
    done = offset;
  }
  if (done < input.length) parts.push(doc.createTextNode(input.slice(done)));
  target.replaceChildren(...parts);
}

/** The preview document for a sandboxed iframe: the tagged HTML, then a style that makes its tags visible. */
export function buildPreviewDocument(tagged: string): string {
  // A <style> after the content is still applied, and leaves a pasted doctype first (no quirks mode).
  return `${tagged}\n${PREVIEW_STYLE}`;
}

/** Replaces `tbody`'s rows with one row per tagged term: serial, official term, the text found, source offsets. */
export function renderMatchRows(tbody: HTMLTableSectionElement, matches: readonly HtmlMatch[]): void {
  const doc = tbody.ownerDocument;
  const rows = matches.map((match) => {
    const row = doc.createElement('tr');
    const cells = [
      String(match.serial),
      match.term,
      match.text,
      `${match.start}–${match.end}`,
      String(match.pieces),
    ];
    for (const value of cells) {
      const cell = doc.createElement('td');
      cell.textContent = value;
      row.append(cell);
    }
    return row;
  });
  tbody.replaceChildren(...rows);
}
