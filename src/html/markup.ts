import { MATCH_ATTRIBUTE, TERM_ATTRIBUTE, TERM_TAG } from '../annotate/rules';

/** The close tag written after each wrapped piece. */
export const CLOSE_TAG = `</${TERM_TAG}>`;

/** Escapes text for a double-quoted attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) =>
    c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;',
  );
}

/** The open tag the `<dszd-term>` element expects: the official term, and the shared id of a split match's pieces. */
export function renderOpenTag(term: string, matchId: string | null): string {
  const id = matchId === null ? '' : ` ${MATCH_ATTRIBUTE}="${escapeAttribute(matchId)}"`;
  return `<${TERM_TAG} ${TERM_ATTRIBUTE}="${escapeAttribute(term)}"${id}>`;
}

/** Hands out match ids `dszd-h1`, `dszd-h2`, … skipping every id the document already uses. */
export function createMatchIdAllocator(taken: ReadonlySet<string>): () => string {
  let count = 0;
  return () => {
    let id: string;
    do id = `dszd-h${++count}`;
    while (taken.has(id));
    return id;
  };
}
