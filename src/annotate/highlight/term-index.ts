import { TERM_INDEX_TAG, TERM_TAG, defineElement } from '../../elements/define';
import type { DefinitionSet } from '../../definitions/types';
import { DszdTerm } from '../../term/dszd-term';
import { DszdTermIndex, type TermIndexHandlers } from './dszd-term-index';

export interface TermIndexOptions extends TermIndexHandlers {
  set: DefinitionSet | undefined;
}

/**
 * Makes a highlight session's `<dszd-term-index>` and puts it outside the annotated root (before `<body>` when the
 * root holds the body, else first in `<body>`), so the root's DOM stays as the page made it. Hidden until it is
 * given entries; `remove()` takes it out with its listeners.
 */
export function createTermIndex(doc: Document, root: Node, options: TermIndexOptions): DszdTermIndex {
  defineElement(TERM_TAG, DszdTerm);
  defineElement(TERM_INDEX_TAG, DszdTermIndex);
  const index = doc.createElement(TERM_INDEX_TAG) as DszdTermIndex;
  index.setAttribute('data-dszd-skip', '');
  index.hidden = true;
  index.set = options.set;
  index.handlers = options;
  placeOutside(index, root, doc);
  return index;
}

/** Outside the root: before <body> when the root holds the body, else first in <body>. */
function placeOutside(host: HTMLElement, root: Node, doc: Document): void {
  const body = doc.body;
  const html = doc.documentElement;
  if (body && !root.contains(body)) body.prepend(host);
  else if (body && html && body.parentNode === html) html.insertBefore(host, body);
  else (html ?? doc).append(host);
}
