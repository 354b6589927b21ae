/**
 * Whether the CSS Custom Highlight API is there (Chrome 105+, Safari 17.2+, Firefox 149+). Where it is not,
 * `mode: "highlight"` falls back to self-healing wrapping.
 */
export function supportsHighlights(doc: Document): boolean {
  const view = (doc.defaultView ?? globalThis) as { CSS?: { highlights?: unknown }; Highlight?: unknown };
  return typeof view.Highlight === 'function' && !!view.CSS?.highlights;
}
