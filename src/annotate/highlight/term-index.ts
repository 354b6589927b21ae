import { css } from 'lit';
import { CARD_TAG, TERM_INDEX_TAG, TERM_TAG, defineElement } from '../../elements/define';
import { getLabels } from '../../i18n/labels';
import { getTermsConfig } from '../../config/terms-config';
import type { DefinitionSet } from '../../definitions/types';
import { DszdTerm } from '../../term/dszd-term';
import { guard as guardWith } from '../../live/dom';

/** One entry found on the page, listed once, in the order of its first match. */
export interface IndexEntry {
  serial: number;
  term: string;
}

export interface TermIndexOptions {
  set: DefinitionSet | undefined;
  /**
   * Alt+↓ / Alt+↑ in the list: step to the next / previous match in the text. Returns the serial of the entry
   * stepped to (its term in the list gets focus), or undefined.
   */
  onStep(direction: 1 | -1): number | undefined;
  /** The list closed (Escape, the toggle, or focus left it). */
  onClose(): void;
  onError(error: unknown): void;
}

const STYLES = css`
  :host {
    all: initial !important;
    display: block !important;
    position: fixed !important;
    top: 8px !important;
    left: 8px !important;
    z-index: 2147483646 !important;
    width: 0 !important;
    height: 0 !important;
    overflow: visible !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  .box {
    position: absolute;
    top: 0;
    left: 0;
    width: max-content;
    max-width: min(360px, calc(100vw - 16px));
    font-family: var(
      --dszd-card-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    font-size: var(--dszd-card-font-size, 17px);
    line-height: 1.6;
    color: var(--dszd-card-color, #1f2328);
  }
  .toggle {
    font: inherit;
    color: #ffffff;
    background: var(--dszd-accent, #0b57d0);
    border: 0;
    border-radius: 6px;
    padding: 6px 14px;
    min-height: 44px;
    cursor: pointer;
  }
  .toggle:focus-visible {
    outline: 3px solid var(--dszd-focus-ring, #1f2328);
    outline-offset: 2px;
  }
  /* A skip link: out of sight until it has focus or its list is open. */
  .toggle:not(:focus):not([aria-expanded='true']) {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .panel {
    margin-top: 6px;
    padding: 8px 14px 10px;
    background: var(--dszd-card-background, #ffffff);
    border: var(--dszd-card-border, 1px solid #c9d1d9);
    border-radius: var(--dszd-card-radius, 10px);
    box-shadow: var(--dszd-card-shadow, 0 10px 28px rgb(0 0 0 / 0.16));
    max-height: 60vh;
    overflow: auto;
  }
  .panel[hidden] {
    display: none;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    padding: 4px 0;
  }
  .hint {
    margin: 8px 0 0;
    font-size: 0.8em;
    color: var(--dszd-card-muted, #4d5661);
  }
  @media (prefers-color-scheme: dark) {
    .box {
      color: var(--dszd-card-color, #e8eaed);
    }
    .panel {
      background: var(--dszd-card-background, #1f2124);
    }
    .hint {
      color: var(--dszd-card-muted, #bdc1c6);
    }
  }
  @media (forced-colors: active) {
    .toggle,
    .panel {
      border: 1px solid CanvasText;
    }
  }
`.cssText;

/**
 * The keyboard and screen-reader way to the definitions in highlight mode (highlights are not in the
 * accessibility tree): a skip-link style button "术语解释（N）", first in the tab order and out of sight until
 * focused, that opens a list of the N terms found. Each is a `<dszd-term>`: it announces its definition on focus
 * and opens the shared card; ↑/↓/Home/End move through the list, Alt+↓/Alt+↑ step through the matches in the
 * text (scrolled into view and marked), Escape closes the card and then the list.
 *
 * It sits outside the annotated root (before `<body>` when the root holds the body, else first in `<body>`), so
 * the root's DOM stays as the page made it. The list's terms are also the card's triggers for pointer-opened cards.
 */
export class TermIndex {
  readonly host: HTMLElement;
  private readonly _options: TermIndexOptions;
  private readonly _toggle: HTMLButtonElement;
  private readonly _panel: HTMLElement;
  private readonly _list: HTMLUListElement;
  private readonly _hint: HTMLParagraphElement;
  private readonly _terms = new Map<number, DszdTerm>();
  private readonly _abort = new AbortController();
  private _entries: readonly IndexEntry[] = [];

  constructor(doc: Document, root: Node, options: TermIndexOptions) {
    this._options = options;
    defineElement(TERM_TAG, DszdTerm);
    this.host = doc.createElement(TERM_INDEX_TAG);
    this.host.setAttribute('data-dszd-skip', '');
    this.host.hidden = true;
    const shadow = this.host.attachShadow({ mode: 'open' });
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(STYLES);
    shadow.adoptedStyleSheets = [sheet];
    const box = doc.createElement('div');
    box.className = 'box';
    this._toggle = doc.createElement('button');
    this._toggle.type = 'button';
    this._toggle.className = 'toggle';
    this._toggle.setAttribute('part', 'toggle');
    this._toggle.setAttribute('aria-expanded', 'false');
    this._toggle.setAttribute('aria-controls', 'panel');
    this._panel = doc.createElement('div');
    this._panel.id = 'panel';
    this._panel.className = 'panel';
    this._panel.setAttribute('part', 'panel');
    this._panel.setAttribute('role', 'region');
    this._panel.hidden = true;
    this._list = doc.createElement('ul');
    this._list.setAttribute('part', 'list');
    this._hint = doc.createElement('p');
    this._hint.className = 'hint';
    this._panel.append(this._list, this._hint);
    box.append(this._toggle, this._panel);
    shadow.append(box);
    this._listen(doc);
    this._label();
    placeOutside(this.host, root, doc);
  }

  /** The list's term for an entry: the card's trigger for that entry. */
  triggerFor(serial: number): DszdTerm | undefined {
    return this._terms.get(serial);
  }

  /** Whether the list is open. */
  get expanded(): boolean {
    return !this._panel.hidden;
  }

  /** Shows these entries (the control hides itself when there are none). */
  update(entries: readonly IndexEntry[]): void {
    if (sameEntries(entries, this._entries)) return;
    this._entries = entries;
    const doc = this.host.ownerDocument;
    const items: HTMLLIElement[] = [];
    const terms = new Map<number, DszdTerm>();
    for (const { serial, term } of entries) {
      // The element of an entry still listed is kept: it may be the trigger of the open card.
      let element = this._terms.get(serial);
      if (!element) {
        element = doc.createElement(TERM_TAG) as DszdTerm;
        element.setAttribute('term', term);
        element.set = this._options.set;
        element.textContent = term;
      }
      terms.set(serial, element);
      const item = doc.createElement('li');
      item.append(element);
      items.push(item);
    }
    this._terms.clear();
    for (const [serial, element] of terms) this._terms.set(serial, element);
    this._list.replaceChildren(...items);
    this.host.hidden = entries.length === 0;
    if (!entries.length) this._close(false);
    this._label();
  }

  /** Opens the list (if closed) and moves focus to an entry's term: its card opens beside it. */
  focusEntry(serial: number): void {
    this._open();
    this._terms.get(serial)?.focus();
  }

  remove(): void {
    this._abort.abort();
    this.host.remove();
  }

  private _label(): void {
    const labels = getLabels(getTermsConfig().lang);
    this.host.lang = getTermsConfig().lang;
    this._toggle.textContent = labels.indexToggle(this._entries.length);
    this._panel.setAttribute('aria-label', labels.indexRegion);
    this._hint.textContent = labels.indexHint;
  }

  private _open(): void {
    if (!this._panel.hidden) return;
    this._label();
    this._panel.hidden = false;
    this._toggle.setAttribute('aria-expanded', 'true');
  }

  private _close(returnFocus: boolean): void {
    if (this._panel.hidden) return;
    this._panel.hidden = true;
    this._toggle.setAttribute('aria-expanded', 'false');
    if (returnFocus) this._toggle.focus();
    this._options.onClose();
  }

  private _listen(doc: Document): void {
    const signal = this._abort.signal;
    const guard = <A extends unknown[]>(listener: (...args: A) => void) =>
      guardWith(listener, (error) => this._options.onError(error));
    this._toggle.addEventListener(
      'click',
      guard(() => (this._panel.hidden ? this._open() : this._close(false))),
      { signal },
    );
    this._panel.addEventListener('keydown', guard(this._onKeydown), { signal });
    this.host.addEventListener(
      'keydown',
      guard((event: KeyboardEvent) => {
        // The card takes Escape first (capture on the document) and marks it handled: then the list stays.
        if (event.key === 'Escape' && !event.defaultPrevented && !event.isComposing) this._close(true);
      }),
      { signal },
    );
    this.host.addEventListener(
      'focusout',
      guard((event: FocusEvent) => {
        const next = event.relatedTarget;
        // Into the card (Enter on a term) or within the control: the list stays open.
        if (next instanceof Node && (this.host.contains(next) || isCard(next))) return;
        if (next === null && !doc.hasFocus()) return;
        this._close(false);
      }),
      { signal },
    );
    doc.addEventListener(
      'pointerdown',
      guard((event: PointerEvent) => {
        const path = event.composedPath();
        if (path.includes(this.host) || path.some((target) => target instanceof Node && isCard(target)))
          return;
        this._close(false);
      }),
      { capture: true, passive: true, signal },
    );
  }

  private _onKeydown = (event: KeyboardEvent): void => {
    if (event.isComposing || event.ctrlKey || event.metaKey) return;
    const terms = [...this._terms.values()];
    const active = this.host.shadowRoot?.activeElement;
    const at = terms.findIndex((term) => term === active);
    if (event.altKey) {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      const serial = this._options.onStep(event.key === 'ArrowDown' ? 1 : -1);
      if (serial !== undefined) this.focusEntry(serial);
      return;
    }
    let next: number;
    if (event.key === 'ArrowDown') next = at < 0 ? 0 : Math.min(terms.length - 1, at + 1);
    else if (event.key === 'ArrowUp') next = at < 0 ? 0 : Math.max(0, at - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = terms.length - 1;
    else return;
    event.preventDefault();
    terms[next]?.focus();
  };
}

/** Outside the root: before <body> when the root holds the body, else first in <body>. */
function placeOutside(host: HTMLElement, root: Node, doc: Document): void {
  const body = doc.body;
  const html = doc.documentElement;
  if (body && !root.contains(body)) body.prepend(host);
  else if (body && html && body.parentNode === html) html.insertBefore(host, body);
  else (html ?? doc).append(host);
}

function isCard(node: Node): boolean {
  return node instanceof Element && node.localName === CARD_TAG;
}

function sameEntries(a: readonly IndexEntry[], b: readonly IndexEntry[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry.serial === b[index]!.serial);
}
