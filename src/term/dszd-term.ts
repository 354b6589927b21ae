import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { MATCH_ATTRIBUTE, TERM_ATTRIBUTE } from '../annotate/rules';
import { findSharedCard, getSharedCard } from '../card/card-host';
import { parseDelay } from '../card/hover-intent';
import { parseCardLang, type CardLang } from '../card/labels';
import type { CardTrigger } from '../card/trigger';
import { getTermsConfig, watchTermsConfig } from '../config';
import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { reportError } from '../events/error-event';
import { termStyles } from './dszd-term.styles';
import { resolveEntry } from './resolve-entry';
import { warnUnknownTerm } from './warn-unknown';

// The connected pieces of each split match, so a piece finds its siblings without searching the page.
const piecesByMatch = new Map<string, Set<DszdTerm>>();

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
 * @prop {DefinitionSet | undefined} set - A definition set for this term only (default: `configureTerms({ set })`).
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
 */
export class DszdTerm extends LitElement implements CardTrigger {
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };
  static override styles = termStyles;

  /** The official term (or an alias) naming the entry. */
  @property({ reflect: false }) term: string | undefined;

  /** Hover dwell before the card opens, ms. */
  @property({ attribute: 'show-delay', converter: (value) => parseDelay(value, 400) })
  showDelay = 400;

  /** Delay before the card closes after the pointer left, ms. */
  @property({ attribute: 'hide-delay', converter: (value) => parseDelay(value, 300) })
  hideDelay = 300;

  /** A definition set for this term only; the page-wide set (configureTerms) by default. */
  @property({ attribute: false }) set: DefinitionSet | undefined;

  @state() private isExpanded = false;
  @state() private isActive = false;

  #entry: DefinitionEntry | undefined;
  /** The data-dszd-match value this piece was registered under while connected. */
  #matchId: string | null = null;
  #stopWatchingConfig: (() => void) | undefined;

  constructor() {
    super();
    this.addEventListener('pointerenter', (event) => this.#guard(() => this.#onPointerEnter(event)));
    this.addEventListener('pointerleave', (event) => this.#guard(() => this.#onPointerLeave(event)));
    this.addEventListener('pointerup', (event) => this.#guard(() => this.#onPointerUp(event)));
    this.addEventListener('click', (event) => this.#guard(() => this.#onClick(event)));
    this.addEventListener('focusin', () => this.#guard(() => this.#onFocusIn()));
    this.addEventListener('focusout', (event) => this.#guard(() => this.#onFocusOut(event)));
    this.addEventListener('keydown', (event) => this.#guard(() => this.#onKeydown(event)));
  }

  /** The entry this term stands for, if any. */
  get entry(): DefinitionEntry | undefined {
    try {
      return this.#resolve();
    } catch (error) {
      reportError(this, error, 'term entry');
      return undefined;
    }
  }

  /** Whether its card is open. */
  get expanded(): boolean {
    return this.#leader().isExpanded;
  }

  /** The set the entry is looked up in. */
  get definitionSet(): DefinitionSet {
    return this.set ?? getTermsConfig().set;
  }

  /** Language of the card's labels: the `lang` attribute if it names zh or en, else the page-wide setting. */
  get cardLang(): CardLang {
    return parseCardLang(this.getAttribute('lang')) ?? getTermsConfig().lang;
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
    return [...registered]
      .filter((piece) => piece.getRootNode() === root && sameTerm(piece))
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** Opens the card at once (no dwell). Resolves when it is open and placed; never rejects. */
  async show(): Promise<void> {
    try {
      await getSharedCard(this.ownerDocument).showFor(this.#leader(), { anchor: this });
    } catch (error) {
      reportError(this, error, 'term show');
    }
  }

  /** Closes the card if it is open for this term. */
  async hide(): Promise<void> {
    this.#guard(() => {
      const card = findSharedCard();
      if (card?.trigger === this.#leader()) card.hide();
    });
  }

  /** Called by the card: mark open or closed on the trigger, highlight every piece. @internal */
  setExpanded(expanded: boolean): void {
    this.isExpanded = expanded;
    this.#highlight(expanded);
    // aria-controls cannot name an element outside the shadow root by id; element reflection can, where supported.
    const button = this.shadowRoot?.querySelector('[role="button"]');
    const card = findSharedCard();
    if (button && 'ariaControlsElements' in button)
      button.ariaControlsElements = expanded && card ? [card] : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopWatchingConfig = watchTermsConfig(() => this.requestUpdate());
    this.#matchId = this.getAttribute(MATCH_ATTRIBUTE);
    if (this.#matchId !== null) {
      let registered = piecesByMatch.get(this.#matchId);
      if (!registered) piecesByMatch.set(this.#matchId, (registered = new Set()));
      registered.add(this);
      this.#refreshPieces();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingConfig?.();
    this.#stopWatchingConfig = undefined;
    findSharedCard()?.releaseTrigger(this);
    if (this.#matchId !== null) {
      const registered = piecesByMatch.get(this.#matchId);
      registered?.delete(this);
      if (registered?.size === 0) piecesByMatch.delete(this.#matchId);
      this.#refreshPieces();
    }
    this.#matchId = null;
  }

  protected override render() {
    try {
      return this.#renderTerm();
    } catch (error) {
      reportError(this, error, 'term render');
      return html`<slot></slot>`;
    }
  }

  #renderTerm() {
    const entry = this.#resolve();
    if (!entry) {
      const name = this.term?.trim() || this.#text().trim();
      if (name) warnUnknownTerm(name);
      return html`<slot @slotchange=${this.#onSlotChange}></slot>`;
    }
    const pieces = this.pieces;
    const leader = pieces[0] === this;
    const split = pieces.length > 1;
    return html`<span
        part=${this.isActive ? 'term active' : 'term'}
        class=${classMap({ term: true, active: this.isActive })}
        role=${leader ? 'button' : nothing}
        tabindex=${leader ? '0' : nothing}
        aria-expanded=${leader ? String(this.isExpanded) : nothing}
        aria-haspopup=${leader ? 'dialog' : nothing}
        aria-describedby=${leader ? 'description' : nothing}
        aria-label=${leader && split ? pieces.map((piece) => piece.textContent ?? '').join('') : nothing}
        ><slot @slotchange=${this.#onSlotChange}></slot></span
      >${leader ? html`<span id="description" hidden>${entry.definition.join('\n')}</span>` : nothing}`;
  }

  #resolve(): DefinitionEntry | undefined {
    const pieces = this.pieces;
    const text = pieces.length > 1 ? pieces.map((piece) => piece.textContent ?? '').join('') : this.#text();
    const name = this.term ?? pieces.find((piece) => piece.getAttribute('term'))?.getAttribute('term');
    this.#entry = resolveEntry(name, text, this.definitionSet);
    return this.#entry;
  }

  #text(): string {
    return this.textContent ?? '';
  }

  /** The piece that stands for the whole split term: the first one. */
  #leader(): DszdTerm {
    const first = this.pieces[0];
    return first instanceof DszdTerm ? first : this;
  }

  #onSlotChange = (): void => this.requestUpdate();

  /** Pieces come and go one by one (the annotator inserts them in turn): every piece re-renders its role. */
  #refreshPieces(): void {
    const id = this.#matchId;
    if (id === null) return;
    queueMicrotask(() => {
      for (const piece of piecesByMatch.get(id) ?? []) piece.requestUpdate();
    });
  }

  #highlight(on: boolean): void {
    for (const piece of this.pieces)
      if (piece instanceof DszdTerm) piece.isActive = on || piece.#leader().isExpanded;
  }

  #guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      reportError(this, error, 'term');
    }
  }

  #onPointerEnter(event: PointerEvent): void {
    // Touch has no hover: a tap opens at once (pointerup), so touch enter/leave are ignored.
    if (event.pointerType === 'touch' || !this.#entry) return;
    this.#highlight(true);
    const point = { x: event.clientX, y: event.clientY };
    getSharedCard(this.ownerDocument).hoverTrigger(this.#leader(), { anchor: this, point });
  }

  #onPointerLeave(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.#highlight(false);
    findSharedCard()?.leaveTrigger(this.#leader());
  }

  #onPointerUp(event: PointerEvent): void {
    if (event.pointerType !== 'touch' || !this.#entry) return;
    const point = { x: event.clientX, y: event.clientY };
    void getSharedCard(this.ownerDocument).showFor(this.#leader(), { anchor: this, point });
  }

  #onClick(event: MouseEvent): void {
    if (!this.#entry) return;
    const point = event.detail > 0 ? { x: event.clientX, y: event.clientY } : undefined;
    void getSharedCard(this.ownerDocument).showFor(this.#leader(), { anchor: this, point });
  }

  #onFocusIn(): void {
    if (!this.#entry) return;
    getSharedCard(this.ownerDocument).focusTrigger(this.#leader());
  }

  #onFocusOut(event: FocusEvent): void {
    findSharedCard()?.blurTrigger(this.#leader(), event.relatedTarget);
  }

  #onKeydown(event: KeyboardEvent): void {
    if ((event.key !== 'Enter' && event.key !== ' ') || !this.#entry || event.isComposing) return;
    // role="button" on a span gets no click from the keyboard: Enter and Space open the card and move focus into it.
    event.preventDefault();
    void getSharedCard(this.ownerDocument).showFor(this.#leader(), { anchor: this, moveFocus: true });
  }
}
