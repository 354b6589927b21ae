import { MATCH_ATTRIBUTE, TERM_ATTRIBUTE, TERM_TAG } from '../runs/rules';
import { hashText } from './hash-text';

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

/**
 * Hands out match ids `dszd-h<hash>-1`, `dszd-h<hash>-2`, … where `<hash>` fingerprints the input: two tagged
 * fragments on one page get different ids (the term element joins pieces by id), the same input the same ids.
 * Ids the document already uses are skipped.
 */
export function createMatchIdAllocator(input: string, taken: ReadonlySet<string>): () => string {
  const prefix = `dszd-h${hashText(input)}-`;
  let count = 0;
  return () => {
    let id: string;
    do id = `${prefix}${++count}`;
    while (taken.has(id));
    return id;
  };
}
