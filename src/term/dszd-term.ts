import { MATCH_ATTRIBUTE, TERM_ATTRIBUTE } from '../runs/rules';
import { findLoadedCardHost, loadCardHost, type CardHostModule } from '../card/card-loader';
import { parseDelay } from '../card/parse-delay';
import type { CardTrigger } from '../card/trigger';
import { resolveTermSet } from '../config/resolve-set';
import { watchTermsConfig } from '../config/terms-config';
import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { reportError } from '../events/error-event';
import { installCardParts } from './card-parts';
import { termStyles } from './dszd-term.styles';
import { resolveEntry } from '../match/resolve-entry';
import { warnUnknownTerm } from './warn-unknown';

// The connected pieces of each split match, so a piece finds its siblings without searching the page; and, once asked
// for, in document order until one connects or disconnects (every render reads them: sorting them each time was most
// of the renders' time under a parent of thousands of children, which compareDocumentPosition walks).
const piecesByMatch = new Map<string, Set<DszdTerm>>();
const piecesInOrder = new Map<string, DszdTerm[]>();

/** Properties a framework may set before the element is defined: they are taken over on connection. */
const UPGRADED_PROPERTIES = ['term', 'showDelay', 'hideDelay', 'set'] as const;

/**
 * @summary A term of the definition set in running text: underlined, focusable, and the opener of the page's one
 * definition card.
 *
 * Semantics: the term is a button-like trigger (`role="button"`, `aria-expanded`, `aria-haspopup="dialog"`) whose
 * accessible description is the definition, so a screen reader gets the definition on focus without opening
 * anything. The card it opens is a non-modal dialog labelled by the term. The hover dwell opens it for the pointer;
 * focus, a tap, a click, Enter and Space open it at once (Enter and Space also move focus into it); Escape, a tap
 * outside and blur close it.
 *
 * The pieces of one match that the annotator had to split across inline elements carry the same
 * `data-dszd-match` value and act as one term: one card, one highlight, one tab stop (the first piece).
 *
 * An unknown term renders as plain text (no underline, not focusable) and warns once per distinct name.
 *
 * @slot - The term's text, as it stands in the page.
 *
 * @attr term - The official term (or any alias or spelling the matcher accepts) naming the entry. Without it the
 *   element's own text is looked up.
 * @attr show-delay - Hover dwell before the card opens, ms (default 400). Focus, tap and click open at once.
 * @attr hide-delay - Delay before the card closes once the pointer left term and card, ms (default 300).
 * @attr lang - `en` for English card labels; `zh-CN` (default, or the `configureTerms({ lang })` setting) otherwise.
 *   `lang` also tells screen readers the language of the term's own text, so on Chinese terms prefer the page-wide
 *   `configureTerms({ lang: 'en' })`; page `<html lang>` is deliberately not followed (many Chinese sites ship `en`).
 * @attr data-dszd-match - Shared by the pieces of one split match.
 *
 * @prop {string | undefined} term - The `term` attribute.
 * @prop {number} showDelay - The `show-delay` attribute.
 * @prop {number} hideDelay - The `hide-delay` attribute.
 * @prop {DefinitionSet | undefined} set - A definition set for this term only (default: the set of the `annotate()`
 *   that wrapped it, else the page's sets and the shipped one, see `configureTerms`).
 * @prop {DefinitionEntry | undefined} entry - The entry found (read-only).
 * @prop {boolean} expanded - Whether its card is open (read-only).
 *
 * @event {DszdShowEvent} dszd-show - Before the card opens; cancelable. `event.entry` is the entry.
 * @event {DszdHideEvent} dszd-hide - After the card closed. `event.entry` is the entry.
 * @event {DszdErrorEvent} dszd-error - An error was caught instead of reaching the page.
 *
 * @csspart term - The underlined text (also the focus target). Has the part `active` too while hovered or open.
 *
 * @cssprop [--dszd-term-underline-color=currentColor] - Underline colour.
 * @cssprop [--dszd-term-underline-style=dotted] - Underline style (dotted, dashed, solid, wavy).
 * @cssprop [--dszd-term-underline-thickness=max(1px, 0.09em)] - Underline thickness.
 * @cssprop [--dszd-term-active-background=14% of --dszd-accent] - Highlight while hovered or open.
 * @cssprop [--dszd-focus-ring=currentColor] - Focus outline colour.
 * @cssprop [--dszd-accent] - Accent colour shared with the card.
 * @tagname dszd-term
 */
export class DszdTerm extends HTMLElement implements CardTrigger {
  static get observedAttributes(): string[] {
    return ['term', 'show-delay', 'hide-delay'];
  }

  private _term: string | null | undefined;
  private _showDelay = 400;
  private _hideDelay = 300;
  private _set: DefinitionSet | undefined;
  private _isExpanded = false;
  private _isActive = false;

  private _entry: DefinitionEntry | undefined;
  /** The data-dszd-match value this piece was registered under while connected. */
  private _matchId: string | null = null;
  private _stopWatchingConfig: (() => void) | undefined;
  /** Bumped by every pointer leave and blur: an intent still waiting for the card stage is then void. */
  private _intent = 0;
  private _updatePending: Promise<boolean> | undefined;
  /** The element's own text at its last render: a slotchange that leaves it as it was renders nothing again. */
  private _renderedText: string | undefined;
  private readonly _part: HTMLSpanElement;
  /** Makes the definition the part's description (./card-parts.ts; none in the drop-in's first stage). */
  declare private _describe?: (entry?: DefinitionEntry) => void;

  constructor() {
    super();
    // No Lit here: the drop-in script's first stage carries this element, and only the card needs a template engine.
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    const doc = this.ownerDocument;
    const sheet = getTermSheet(doc);
    if (sheet) root.adoptedStyleSheets = [sheet];
    else {
      const style = doc.createElement('style');
      style.textContent = termStyles;
      root.append(style);
    }
    // The slot stays in the part for good: moving it would make the browser announce a slot change (and a render)
    // for every term on the page. An unknown term's part is a bare span (no part name, class, role or tab stop).
    const slot = doc.createElement('slot');
    slot.addEventListener('slotchange', () => {
      if (this._text() !== this._renderedText) this.requestUpdate();
    });
    this._part = doc.createElement('span');
    this._part.append(slot);
    root.append(this._part);
    for (const type of INTENT_EVENTS) this.addEventListener(type, this._onIntent, { passive: true });
    this.addEventListener('keydown', this._onIntent);
  }

  /** The official term (or an alias) naming the entry. */
  get term(): string | null | undefined {
    return this._term;
  }
  set term(value: string | null | undefined) {
    this._term = value;
    this.requestUpdate();
  }

  /** Hover dwell before the card opens, ms. */
  get showDelay(): number {
    return this._showDelay;
  }
  set showDelay(value: number) {
    this._showDelay = parseDelay(value, 400);
  }

  /** Delay before the card closes after the pointer left, ms. */
  get hideDelay(): number {
    return this._hideDelay;
  }
  set hideDelay(value: number) {
    this._hideDelay = parseDelay(value, 300);
  }

  /** A definition set for this term only; the page-wide set (configureTerms) by default. */
  get set(): DefinitionSet | undefined {
    return this._set;
  }
  set set(value: DefinitionSet | undefined) {
    this._set = value;
    this.requestUpdate();
  }

  /** The entry this term stands for, if any. */
  get entry(): DefinitionEntry | undefined {
    try {
      return this._resolve();
    } catch (error) {
      reportError(this, error, 'term entry');
      return undefined;
    }
  }

  /** Whether its card is open. */
  get expanded(): boolean {
    return this._leader()._isExpanded;
  }

  /** The set the entry is looked up in: its own `set`, else the one its annotation used, else the page's. */
  get definitionSet(): DefinitionSet {
    return this.set ?? resolveTermSet(this);
  }

  /** Every piece of this term (one element unless the match was split), in document order. */
  get pieces(): readonly HTMLElement[] {
    const id = this.getAttribute(MATCH_ATTRIBUTE);
    const registered = id === null ? undefined : piecesByMatch.get(id);
    if (!registered?.has(this) || registered.size === 1) return [this];
    const root = this.getRootNode();
    const term = this.getAttribute(TERM_ATTRIBUTE);
    // Separately tagged fragments can reuse an id: pieces naming another term belong to another match.
    const sameTerm = (piece: DszdTerm) => {
      const other = piece.getAttribute(TERM_ATTRIBUTE);
      return term === null || other === null || other === term;
    };
    let inOrder = piecesInOrder.get(id!);
    if (!inOrder) {
      const pieces = [...registered];
      // Pieces connect in document order as a rule: each one's predecessor is asked where it is (Chromium walks back
      // from the node asked about to find the asking one: a few siblings here; asked the other way round, it walks
      // back from the earlier one to its parent's first child, thousands in a paragraph of one-character spans);
      // sorted only when they are not in order (V8's insertion sort passes the later element first: the same way round).
      if (
        !pieces.every(
          (piece, i) =>
            !i || pieces[i - 1]!.compareDocumentPosition(piece) & Node.DOCUMENT_POSITION_FOLLOWING,
        )
      )
        pieces.sort((a, b) => (b.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1));
      piecesInOrder.set(id!, (inOrder = pieces));
    }
    return inOrder.filter((piece) => piece.getRootNode() === root && sameTerm(piece));
  }

  /** Resolves (true) once the pending render has run; renders are batched into one microtask. */
  get updateComplete(): Promise<boolean> {
    return this._updatePending ?? Promise.resolve(true);
  }

  /** Schedules a render in a microtask (several requests, one render). */
  requestUpdate(): void {
    if (this._updatePending) return;
    this._updatePending = Promise.resolve().then(() => {
      this._updatePending = undefined;
      if (this.isConnected) this._render();
      return true;
    });
  }

  /** Opens the card at once (no dwell). Resolves when it is open and placed; never rejects. */
  async show(): Promise<void> {
    try {
      await (await loadCardHost()).showTerm(this._leader(), this);
    } catch (error) {
      // a card stage that failed to load was reported once by the loader
      if (findLoadedCardHost()) reportError(this, error, 'term show');
    }
  }

  /** Closes the card if it is open for this term. */
  async hide(): Promise<void> {
    this._guard(() => findLoadedCardHost()?.hideTerm(this._leader()));
  }

  /** Focuses the term's focusable part, as `delegatesFocus` does where it exists (Safari 15, Firefox 94). */
  override focus(options?: FocusOptions): void {
    if (this._part.hasAttribute('tabindex')) this._part.focus(options);
    else super.focus(options);
  }

  /** Called by the card with itself as it opens, null as it closes (./card-parts.ts). @internal */
  declare setExpanded: (card: HTMLElement | null) => void;

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name === 'term') this.term = value;
    else if (name === 'show-delay') this.showDelay = parseDelay(value, 400);
    else if (name === 'hide-delay') this.hideDelay = parseDelay(value, 300);
  }

  connectedCallback(): void {
    for (const name of UPGRADED_PROPERTIES) {
      if (!Object.prototype.hasOwnProperty.call(this, name)) continue;
      const own = this as unknown as Record<string, unknown>;
      const value = own[name];
      delete own[name];
      own[name] = value;
    }
    this._stopWatchingConfig = watchTermsConfig(() => this.requestUpdate());
    this._matchId = this.getAttribute(MATCH_ATTRIBUTE);
    if (this._matchId !== null) {
      let registered = piecesByMatch.get(this._matchId);
      if (!registered) piecesByMatch.set(this._matchId, (registered = new Set()));
      registered.add(this);
      this._refreshPieces();
    }
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this._stopWatchingConfig?.();
    this._stopWatchingConfig = undefined;
    this._intent++;
    findLoadedCardHost()?.releaseTerm(this);
    if (this._matchId !== null) {
      const registered = piecesByMatch.get(this._matchId);
      registered?.delete(this);
      if (registered?.size === 0) piecesByMatch.delete(this._matchId);
      this._refreshPieces();
    }
    this._matchId = null;
  }

  private _render(): void {
    this._renderedText = this._text();
    try {
      this._renderTerm();
    } catch (error) {
      reportError(this, error, 'term render');
      this._showPlain();
    }
  }

  private _renderTerm(): void {
    const entry = this._resolve();
    if (!entry) {
      const name = this.term?.trim() || this._text().trim();
      if (name) warnUnknownTerm(name);
      this._showPlain();
      return;
    }
    const pieces = this.pieces;
    const leader = pieces[0] === this;
    const split = pieces.length > 1;
    const part = this._part;
    const names = this._isActive ? 'term active' : 'term';
    setAttributes(part, {
      part: names,
      class: names,
      role: leader ? 'button' : null,
      tabindex: leader ? '0' : null,
      'aria-expanded': leader ? String(this._isExpanded) : null,
      'aria-haspopup': leader ? 'dialog' : null,
      'aria-label': leader && split ? pieces.map((piece) => piece.textContent ?? '').join('') : null,
    });
    // the definition texts come with the card stage: described from the moment they are there
    this._describe?.(leader ? entry : undefined);
  }

  /** An unknown term: its text alone in a bare span, no underline, no role, no tab stop. */
  private _showPlain(): void {
    // (the part carries no attribute but those _renderTerm sets)
    for (const name of this._part.getAttributeNames()) this._part.removeAttribute(name);
    this._describe?.();
  }

  private _resolve(): DefinitionEntry | undefined {
    const pieces = this.pieces;
    const text = pieces.length > 1 ? pieces.map((piece) => piece.textContent ?? '').join('') : this._text();
    const name = this.term ?? pieces.find((piece) => piece.getAttribute('term'))?.getAttribute('term');
    this._entry = resolveEntry(name, text, this.definitionSet);
    return this._entry;
  }

  private _text(): string {
    return this.textContent ?? '';
  }

  /** The piece that stands for the whole split term: the first one. */
  private _leader(): DszdTerm {
    const first = this.pieces[0];
    return first instanceof DszdTerm ? first : this;
  }

  /** Pieces come and go one by one (the annotator inserts them in turn): every piece re-renders its role. */
  private _refreshPieces(): void {
    const id = this._matchId;
    if (id === null) return;
    piecesInOrder.delete(id);
    queueMicrotask(() => {
      for (const piece of piecesByMatch.get(id) ?? []) piece.requestUpdate();
    });
  }

  private _highlight(on: boolean): void {
    for (const piece of this.pieces)
      if (piece instanceof DszdTerm) {
        const active = on || piece._leader()._isExpanded;
        if (piece._isActive !== active) {
          piece._isActive = active;
          piece.requestUpdate();
        }
      }
  }

  private _guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      reportError(this, error, 'term');
    }
  }

  /**
   * Hands the term's pointer, touch, focus and key events to the card service (in the card stage). Before the card
   * stage is there, an intent loads it and is handed over when it arrives, unless the pointer left or focus moved on
   * meanwhile (a failed load was reported by the loader; the next intent tries again).
   */
  private _onIntent = (event: Event): void => {
    this._guard(() => {
      const type = event.type;
      const { key, isComposing } = event as KeyboardEvent;
      const pointerLeft = type === 'pointerleave' && (event as PointerEvent).pointerType !== 'touch';
      const host = findLoadedCardHost();
      if (pointerLeft || type === 'focusout') {
        this._intent++;
        if (pointerLeft) this._highlight(false);
        host?.handleTermEvent(this, event);
        return;
      }
      if (!this._entry) return;
      if (type === 'keydown') {
        if ((key !== 'Enter' && key !== ' ') || isComposing) return;
        // now, not once the card stage arrives: Space would scroll the page
        event.preventDefault();
      }
      if (type === 'pointerenter' && (event as PointerEvent).pointerType !== 'touch') this._highlight(true);
      const intent = this._intent;
      const deliver = (loaded: CardHostModule) => {
        if (intent === this._intent && this.isConnected) loaded.handleTermEvent(this, event);
      };
      if (host) deliver(host);
      else
        loadCardHost().then(
          (loaded) => this._guard(() => deliver(loaded)),
          () => undefined,
        );
    });
  };
}

/** The events that carry an intent to the card (pointerdown and touchstart: load the card stage early). */
const INTENT_EVENTS = [
  'pointerenter',
  'pointerleave',
  'pointerdown',
  'touchstart',
  'pointerup',
  'click',
  'focusin',
  'focusout',
] as const;

const sheets = new WeakMap<Document, CSSStyleSheet | null>();

/**
 * The term's styles as one sheet per document, shared by every term: a page with hundreds of terms parses them once
 * and restyles quickly. Null where constructable style sheets are missing (Safari before 16.4): a `<style>` then.
 */
function getTermSheet(doc: Document): CSSStyleSheet | null {
  let sheet = sheets.get(doc);
  if (sheet !== undefined) return sheet;
  sheet = null;
  try {
    const view = doc.defaultView;
    if (
      view &&
      'adoptedStyleSheets' in view.Document.prototype &&
      'replaceSync' in view.CSSStyleSheet.prototype
    ) {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(termStyles);
    }
  } catch {
    sheet = null;
  }
  sheets.set(doc, sheet);
  return sheet;
}

/** Sets each attribute to its value, or removes it for null, touching only those that change. */
function setAttributes(element: Element, attributes: Record<string, string | null>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) element.removeAttribute(name);
    else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
}

// Every copy of dszd-term brands its element class, so a copy can tell another copy's <dszd-term> from a page's own.
const TERM_BRAND = Symbol.for('dszd-term.element');
(DszdTerm.prototype as unknown as Record<symbol, boolean>)[TERM_BRAND] = true;
installCardParts(DszdTerm);

/** Whether `constructor` is dszd-term's element class (from this copy of the library or another). */
export function isDszdTermClass(constructor: CustomElementConstructor): boolean {
  return (constructor.prototype as Record<symbol, unknown> | undefined)?.[TERM_BRAND] === true;
}
