import { css } from 'lit';

// The names of highlight-names.ts, written out: a Lit css template (minified in the build) takes no strings.
// Highlights take only colour, background, text-decoration and text-shadow: the look of the <dszd-term> underline.
export const HIGHLIGHT_RULES = css`
  ::highlight(dszd-term) {
    text-decoration-line: underline;
    text-decoration-style: var(--dszd-term-underline-style, dotted);
    text-decoration-color: var(--dszd-term-underline-color, currentColor);
    text-decoration-thickness: var(--dszd-term-underline-thickness, max(1px, 0.09em));
    text-underline-offset: 0.28em;
  }
  /* Plain colours where color-mix() is missing (Chrome 105–110 has highlights without it). */
  ::highlight(dszd-term-active) {
    background-color: var(--dszd-term-active-background, rgb(128 128 128 / 0.18));
  }
  ::highlight(dszd-term-current) {
    background-color: rgb(11 87 208 / 0.28);
  }
  @supports (color: color-mix(in srgb, red 50%, red)) {
    ::highlight(dszd-term-active) {
      background-color: var(
        --dszd-term-active-background,
        color-mix(in srgb, var(--dszd-accent, currentColor) 14%, transparent)
      );
    }
    ::highlight(dszd-term-current) {
      background-color: color-mix(in srgb, var(--dszd-accent, #0b57d0) 28%, transparent);
    }
  }
  @media (forced-colors: active) {
    ::highlight(dszd-term) {
      text-decoration-color: CanvasText;
    }
    ::highlight(dszd-term-active),
    ::highlight(dszd-term-current) {
      background-color: Highlight;
      color: HighlightText;
    }
  }
`.cssText;

// One sheet per document (constructed sheets cannot be shared across documents), adopted by each tree that needs it.
const sheets = new WeakMap<Document, CSSStyleSheet>();
const users = new Map<Document | ShadowRoot, number>();

/**
 * Adds the highlight styles to a document or shadow root through `adoptedStyleSheets`: no `<style>` element, so
 * the DOM stays untouched. Counted: each call needs one `releaseHighlightStyles`.
 */
export function adoptHighlightStyles(tree: Document | ShadowRoot): void {
  const count = users.get(tree) ?? 0;
  users.set(tree, count + 1);
  if (count) return;
  const doc = tree instanceof Document ? tree : tree.ownerDocument;
  let sheet = sheets.get(doc);
  if (!sheet) {
    const view = doc.defaultView ?? window;
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_RULES);
    sheets.set(doc, sheet);
  }
  if (!tree.adoptedStyleSheets.includes(sheet)) tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, sheet];
}

/** Undoes one `adoptHighlightStyles`; the last one takes the sheet out of the tree again. */
export function releaseHighlightStyles(tree: Document | ShadowRoot): void {
  const count = users.get(tree) ?? 0;
  if (count > 1) {
    users.set(tree, count - 1);
    return;
  }
  users.delete(tree);
  const doc = tree instanceof Document ? tree : tree.ownerDocument;
  const sheet = sheets.get(doc);
  if (sheet) tree.adoptedStyleSheets = tree.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
}
