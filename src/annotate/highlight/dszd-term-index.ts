import { html, LitElement, type PropertyValues } from 'lit';
import { getTermsConfig } from '../../config/terms-config';
import type { DefinitionSet } from '../../definitions/types';
import { CARD_TAG, TERM_TAG } from '../../elements/define';
import { getLabels } from '../../i18n/labels';
import { guard } from '../../live/dom';
import type { DszdTerm } from '../../term/dszd-term';
import { termIndexStyles } from './dszd-term-index.styles';

/** One entry found on the page, listed once, in the order of its first match. */
export interface IndexEntry {
  serial: number;
  term: string;
}

/** What the list asks of the highlight session that made it. */
export interface TermIndexHandlers {
  /**
   * Alt+↓ / Alt+↑ in the list: step to the next / previous match in the text. Returns the serial of the entry
   * stepped to (its term in the list gets focus), or undefined.
   */
  onStep(direction: 1 | -1): number | undefined;
  /** The list closed (Escape, the toggle, or focus left it). */
  onClose(): void;
  onError(error: unknown): void;
}

/**
 * Highlight mode's keyboard and screen-reader way to the definitions (highlights are not in the accessibility tree).
 * The highlight session (`annotate(root, { mode: 'highlight' })`, `data-mode="highlight"`) makes it outside the
 * annotated root, first in `<body>` (or just before `<body>` when the root holds it); you do not place it yourself.
 *
 * A skip-link style button "术语解释（N）", first in the tab order and out of sight until focused, opens a list of the N
 * terms found (a region "本页术语解释"). Each is a `<dszd-term>`: it announces its definition on focus and opens the
 * shared card; ↑/↓/Home/End move through the list, Alt+↓/Alt+↑ step through the matches in the text (scrolled into
 * view and marked), Escape closes the card and then the list, and the list closes when focus or a tap leaves it.
 * The control hides itself while no term is found. Its words follow `configureTerms({ lang })`.
 *
 * @summary The skip link and list of the terms highlighted on the page.
 *
 * @prop {readonly IndexEntry[]} entries - The entries found, each once, in document order of their first match.
 * @prop {DefinitionSet | undefined} set - The set the listed terms resolve in (the annotation's).
 *
 * @event {DszdShowEvent} dszd-show - From a listed term (composed): its card is about to open.
 * @event {DszdHideEvent} dszd-hide - From a listed term (composed): its card closed.
 *
 * @csspart toggle - The skip-link button "术语解释（N）" that opens and closes the list.
 * @csspart panel - The list's box (a region named 本页术语解释), with the list and a line on the keys.
 * @csspart list - The list of terms (`<ul>` of `<dszd-term>`).
 *
 * @cssprop [--dszd-accent=#0b57d0] - Background of the toggle.
 * @cssprop [--dszd-focus-ring=#1f2328] - Focus outline colour of the toggle.
 * @cssprop [--dszd-card-background=#ffffff (dark: #1f2124)] - Panel background, as the card's.
 * @cssprop [--dszd-card-color=#1f2328 (dark: #e8eaed)] - Text colour, as the card's.
 * @cssprop [--dszd-card-muted=#4d5661 (dark: #bdc1c6)] - Colour of the line on the keys.
 * @cssprop [--dszd-card-border=1px solid #c9d1d9] - Panel border.
 * @cssprop [--dszd-card-radius=10px] - Panel corner radius.
 * @cssprop [--dszd-card-shadow=0 10px 28px rgb(0 0 0 / 0.16)] - Panel shadow.
 * @cssprop [--dszd-card-font-size=17px] - Text size.
 * @cssprop [--dszd-card-font-family=system-ui, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, …] - Font stack.
 * @tagname dszd-term-index
 */
export class DszdTermIndex extends LitElement {
  static override styles = termIndexStyles;

  // declared here, not with decorators: the highlight stage then carries no decorator helper
  static override properties = {
    entries: {
      attribute: false,
      hasChanged: (next: readonly IndexEntry[], previous?: readonly IndexEntry[]) =>
        !sameEntries(next, previous),
    },
    set: { attribute: false },
    expanded: { state: true, attribute: false },
  };

  entries: readonly IndexEntry[] = [];

  set: DefinitionSet | undefined;

  /**
   * The session's side of the keys (not reactive: set once, by the session that makes the list).
   * @internal
   */
  handlers: TermIndexHandlers | undefined;

  /** Whether the list is open. */
  private expanded = false;

  /** The listed terms by serial, in list order: each is the card's trigger for its entry's matches. */
  private _terms = new Map<number, DszdTerm>();
  private _listeners: AbortController | undefined;

  /** The list's term for an entry: the card's trigger for that entry. */
  triggerFor(serial: number): DszdTerm | undefined {
    return this._terms.get(serial);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._listeners?.abort();
    const signal = (this._listeners = new AbortController()).signal;
    const doc = this.ownerDocument;
    this.addEventListener('keydown', this._onHostKeydown, { signal });
    this.addEventListener('focusout', this._onFocusOut, { signal });
    doc.addEventListener('pointerdown', this._onDocumentPointerDown, {
      capture: true,
      passive: true,
      signal,
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._listeners?.abort();
    this._listeners = undefined;
  }

  /** An update that fails is reported through the session: nothing is thrown into the page. */
  protected override performUpdate(): void {
    try {
      super.performUpdate();
    } catch (error) {
      this.handlers?.onError(error);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.lang = getTermsConfig().lang;
    if (!changed.has('entries')) return;
    // The element of an entry still listed is kept: it may be the trigger of the open card.
    const terms = new Map<number, DszdTerm>();
    for (const { serial, term } of this.entries) {
      let element = this._terms.get(serial);
      if (!element) {
        element = this.ownerDocument.createElement(TERM_TAG) as DszdTerm;
        element.setAttribute('term', term);
        element.set = this.set;
        element.textContent = term;
      }
      terms.set(serial, element);
    }
    this._terms = terms;
    this.hidden = !this.entries.length;
    if (!this.entries.length) this._close(false);
  }

  protected override render(): unknown {
    const labels = getLabels(getTermsConfig().lang);
    const terms = [...this._terms.values()].map((term) => html`<li>${term}</li>`);
    // The listed terms are nodes of their own (see willUpdate), put where their entry stands. No white space between
    // the elements: the toggle's text is its label alone, and no stray text sits beside the list items.
    // prettier-ignore
    return html`<div class="box"
      ><button
        type="button"
        class="toggle"
        part="toggle"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="panel"
        @click=${this._onToggleClick}
      >${labels.indexToggle(this.entries.length)}</button
      ><div
        id="panel"
        class="panel"
        part="panel"
        role="region"
        aria-label=${labels.indexRegion}
        ?hidden=${!this.expanded}
        @keydown=${this._onPanelKeydown}
        ><ul part="list">${terms}</ul
        ><p class="hint">${labels.indexHint}</p></div
      ></div
    >`;
  }

  private _open(): void {
    this.expanded = true;
  }

  private _close(returnFocus: boolean): void {
    if (!this.expanded) return;
    this.expanded = false;
    if (returnFocus) this.shadowRoot?.querySelector<HTMLElement>('.toggle')?.focus();
    this.handlers?.onClose();
  }

  /** `listener`, with what it throws reported through the session instead of reaching the page. */
  private _guard<A extends unknown[]>(listener: (...args: A) => void): (...args: A) => void {
    return guard(listener, (error) => this.handlers?.onError(error));
  }

  private readonly _onToggleClick = this._guard(() => (this.expanded ? this._close(false) : this._open()));

  private readonly _onHostKeydown = this._guard((event: KeyboardEvent) => {
    // The card takes Escape first (capture on the document) and marks it handled: then the list stays.
    if (event.key === 'Escape' && !event.defaultPrevented && !event.isComposing) this._close(true);
  });

  private readonly _onFocusOut = this._guard((event: FocusEvent) => {
    const next = event.relatedTarget;
    // Into the card (Enter on a term) or within the control: the list stays open.
    if (next instanceof Node && (this.contains(next) || isCard(next))) return;
    if (next === null && !this.ownerDocument.hasFocus()) return;
    this._close(false);
  });

  private readonly _onDocumentPointerDown = this._guard((event: PointerEvent) => {
    const path = event.composedPath();
    if (path.includes(this) || path.some((target) => target instanceof Node && isCard(target))) return;
    this._close(false);
  });

  private readonly _onPanelKeydown = this._guard((event: KeyboardEvent) => {
    if (event.isComposing || event.ctrlKey || event.metaKey) return;
    const terms = [...this._terms.values()];
    const active = this.shadowRoot?.activeElement;
    const at = terms.findIndex((term) => term === active);
    if (event.altKey) {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      const serial = this.handlers?.onStep(event.key === 'ArrowDown' ? 1 : -1);
      // the keys come from inside the open list: its terms can take focus now
      if (serial !== undefined) this._terms.get(serial)?.focus();
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
  });
}

function isCard(node: Node): boolean {
  return node instanceof Element && node.localName === CARD_TAG;
}

function sameEntries(a: readonly IndexEntry[], b: readonly IndexEntry[] | undefined): boolean {
  return !!b && a.length === b.length && a.every((entry, index) => entry.serial === b[index]!.serial);
}
