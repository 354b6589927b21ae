import { html, LitElement, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { definitionSet as shippedSet } from '../definitions/definition-set.generated';
import { formatCitation } from '../definitions/citation';
import { describeSet } from '../definitions/describe-set';
import { findRelatedEntries, segmentRelated, type TextSegment } from '../definitions/related';
import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { reportError } from '../events/error-event';
import { DszdHideEvent } from '../events/hide-event';
import { DszdShowEvent } from '../events/show-event';
import { getTermsConfig, watchTermsConfig } from '../config';
import { copyText } from './copy-text';
import { cardStyles } from './dszd-card.styles';
import { cssProps } from './css-props';
import { buildGlossaryLink } from './glossary-link';
import { computeBridge, HoverIntent, type Bridge } from './hover-intent';
import { DEFAULT_CARD_LANG, getLabels, type CardLang } from './labels';
import { findModalContainer } from './modal-container';
import { positionCard, type Placed, type VirtualAnchor } from './position';
import type { CardTrigger } from './trigger';

/** How a card is opened. */
export interface ShowOptions {
  /** The element to point at (a piece of a split term) or a virtual anchor (a text range); the trigger by default. */
  anchor?: HTMLElement | VirtualAnchor | undefined;
  /** Pointer position: picks the line of a wrapped term to point at. */
  point?: { x: number; y: number } | undefined;
  /** Move keyboard focus into the card (activation with Enter or Space). */
  moveFocus?: boolean | undefined;
}

const HAN = /\p{Script=Han}/u;

/** One step of the card's own history: the entry left and the control that left it (focus returns there). */
interface HistoryStep {
  entry: DefinitionEntry;
  focusKey: string;
}

/**
 * @summary The one card a page shares: it shows the definition of the `<dszd-term>` that opened it, in the top
 * layer, positioned by the term. Created on first use by `getSharedCard()`; you do not place it yourself.
 *
 * Semantics: a non-modal `dialog` labelled by the term. It opens after a hover dwell, at once on focus or tap, and
 * closes on Escape, on a tap or click outside, when focus leaves, or after `hide-delay` when the pointer has left
 * both the term and the card (a transparent bridge covers the gap between them).
 *
 * The terms a definition names are buttons (at their first mention, and in a 相关名词 row): one shows that entry in
 * the same card, focus on its title, and 返回 goes back with focus on the button used. The unit's full name shows on
 * request (a toggle button); 复制 copies the cited definition with its source and says so in a live status.
 *
 * @csspart card - The card surface (the popover in the top layer).
 * @csspart arrow - The turned square that points at the term.
 * @csspart header - The row with the term and the close button.
 * @csspart term-title - The term, as printed.
 * @csspart close-button - The close button.
 * @csspart body - The scrolling part below the header.
 * @csspart definition - The definition paragraphs.
 * @csspart notes - The （注：…） paragraphs.
 * @csspart unit - The responsible unit (解释单位) line.
 * @csspart source - The source line: title, version, issuer, date.
 * @csspart glossary-link - The link to the entry on the glossary page (only with a configured glossary URL).
 * @csspart back-button - The 返回 button, shown after following a related term.
 * @csspart related-link - A related term named inside the definition or notes (a button).
 * @csspart related - The 相关名词 row.
 * @csspart related-button - One related term in that row.
 * @csspart unit-toggle - The button that shows or hides the unit's full name.
 * @csspart unit-name - The unit's full name, once shown.
 * @csspart copy-button - The 复制 button.
 * @csspart copy-status - The confirmation after copying (a live status).
 *
 * @cssprop [--dszd-card-background=#ffffff (dark: #1f2124)] - Card background.
 * @cssprop [--dszd-card-color=#1f2328 (dark: #e8eaed)] - Card text colour.
 * @cssprop [--dszd-card-border=1px solid #c9d1d9] - Card and arrow border.
 * @cssprop [--dszd-card-radius=10px] - Card corner radius.
 * @cssprop [--dszd-card-shadow=0 10px 28px rgb(0 0 0 / 0.16), …] - Card shadow.
 * @cssprop [--dszd-card-max-width=420px] - Widest the card gets (never wider than the viewport less 16px).
 * @cssprop [--dszd-card-font-size=17px] - Body text size, in px (not rem: host pages resize their root font).
 * @cssprop [--dszd-card-font-family=system-ui, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, …] - Font stack.
 * @cssprop [--dszd-accent=#0b57d0 (dark: #8ab4f8)] - Link and focus colour.
 * @cssprop [--dszd-focus-ring=var(--dszd-accent)] - Focus outline colour.
 */
export class DszdCard extends LitElement {
  static override styles = cardStyles;

  @state() private entry: DefinitionEntry | undefined;
  @state() private definitionSet: DefinitionSet = shippedSet;
  @state() private cardLang: CardLang = DEFAULT_CARD_LANG;
  @state() private glossaryLink: string | undefined;
  @state() private isOpen = false;
  @state() private scrollable = false;
  @state() private bridge: Bridge | undefined;
  /** Entries left by following related terms, oldest first; empty for the entry the card was opened for. */
  @state() private history: readonly HistoryStep[] = [];
  @state() private unitExpanded = false;
  @state() private copyStatus = '';

  @query('.card') private surface!: HTMLElement;
  @query('.arrow') private arrowElement!: HTMLElement;
  @query('.body') private body!: HTMLElement;
  @query('.title') private titleElement!: HTMLElement | null;

  #trigger: CardTrigger | undefined;
  #session: { controller: AbortController; stopPositioning: () => void } | undefined;
  #intent = new HoverIntent();
  /** The term the pointer rests on; cleared on leave and when the term leaves the page (which fires no leave). */
  #hovered: CardTrigger | undefined;
  #pointerOnCard = false;
  #returningFocusTo: CardTrigger | undefined;
  /** Bumped by every show and hide, so a show still awaiting rendering knows it was overtaken. */
  #sequence = 0;
  /** The show in progress (or done): a second show for the same term waits for it. */
  #opening: Promise<boolean> = Promise.resolve(false);

  /** Whether the card is open. */
  get open(): boolean {
    return this.isOpen;
  }

  /** The term the card is open for, if any. */
  get trigger(): CardTrigger | undefined {
    return this.#trigger;
  }

  /** Settles when the latest show has rendered and placed the card: true if it opened, false if not. */
  get ready(): Promise<boolean> {
    return this.#opening;
  }

  /** The surface in the top layer (for tests and positioning). @internal */
  get cardElement(): HTMLElement | null {
    return this.renderRoot.querySelector('.card');
  }

  /**
   * Opens the card for a term at once, replacing any other term's card. Fires a cancelable `dszd-show` on the term
   * first. Resolves to whether the card is open for it (after the first placement). Never rejects.
   */
  async showFor(trigger: CardTrigger, options: ShowOptions = {}): Promise<boolean> {
    try {
      this.#intent.cancel();
      const entry = trigger.entry;
      if (!entry || !trigger.isConnected || !this.isConnected) return false;
      if (this.#trigger === trigger && this.isOpen) {
        const opened = await this.#opening;
        if (opened && options.moveFocus && this.#trigger === trigger) this.#focusSurface();
        return opened && this.#trigger === trigger;
      }
      const event = new DszdShowEvent(entry);
      trigger.dispatchEvent(event);
      if (event.defaultPrevented) {
        this.#scheduleHide();
        return false;
      }
      this.#opening = this.#open(trigger, entry, options);
      return await this.#opening;
    } catch (error) {
      reportError(trigger, error, 'card show');
      return false;
    }
  }

  /** Closes the card. With `returnFocus`, focus inside the card goes back to the term. Never throws. */
  hide(options: { returnFocus?: boolean } = {}): void {
    try {
      this.#close(options.returnFocus ?? false);
    } catch (error) {
      reportError(this.#trigger ?? this, error, 'card hide');
    }
  }

  /** The pointer entered a term: open after its dwell, or keep this card open if it is the term's. @internal */
  hoverTrigger(trigger: CardTrigger, options: ShowOptions = {}): void {
    this.#hovered = trigger;
    if (this.isOpen && this.#trigger === trigger) {
      this.#intent.cancel('hide');
      return;
    }
    this.#intent.schedule('show', trigger.showDelay, () => void this.showFor(trigger, options), trigger);
  }

  /**
   * The pointer left a term: forget its pending dwell; close after the hide delay unless it reaches the card.
   * @internal
   */
  leaveTrigger(trigger: CardTrigger): void {
    if (this.#hovered === trigger) this.#hovered = undefined;
    this.#intent.cancel('show', trigger);
    this.#scheduleHide();
  }

  /** A term got focus: open at once (unless the card itself is handing focus back to it). @internal */
  focusTrigger(trigger: CardTrigger): void {
    if (this.#returningFocusTo === trigger) return;
    void this.showFor(trigger, { anchor: trigger });
  }

  /** A term lost focus: close, unless focus went into the card or the pointer still rests on term or card. @internal */
  blurTrigger(trigger: CardTrigger, next: EventTarget | null): void {
    if (this.#trigger !== trigger || !this.isOpen) return;
    this.#closeUnlessKept(next);
  }

  /** A term is leaving the page: its card must not stay behind. @internal */
  releaseTrigger(trigger: CardTrigger): void {
    if (this.#hovered === trigger) this.#hovered = undefined;
    this.#intent.cancel('show', trigger);
    if (this.#trigger === trigger) this.hide();
  }

  #stopWatchingConfig: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // configureTerms({ glossaryUrl }) reaches an open card too: its link changes or goes.
    this.#stopWatchingConfig ??= watchTermsConfig(() => {
      if (this.entry)
        this.glossaryLink = buildGlossaryLink(
          getTermsConfig().glossaryUrl,
          this.entry.serial,
          document.baseURI,
        );
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingConfig?.();
    this.#stopWatchingConfig = undefined;
    this.hide();
  }

  protected override render() {
    try {
      return this.#renderCard();
    } catch (error) {
      reportError(this, error, 'card render');
      return nothing;
    }
  }

  #renderCard() {
    const entry = this.entry;
    const labels = getLabels(this.cardLang);
    const set = this.definitionSet;
    const source = describeSet(set);
    const bridge = this.bridge;
    const segments = entry ? segmentRelated(entry, set) : { definition: [], notes: [] };
    const related = entry ? findRelatedEntries(entry, set) : [];
    return html`<div
      part="card"
      class=${classMap({ card: true, open: this.isOpen && !!entry })}
      popover="manual"
      role="dialog"
      aria-labelledby="title"
      lang=${this.cardLang}
      tabindex="-1"
      @pointerenter=${this.#onCardPointerEnter}
      @pointerleave=${this.#onCardPointerLeave}
      @keydown=${this.#onCardKeydown}
      @focusout=${this.#onCardFocusOut}
    >
      <div
        class=${classMap({ bridge: true, on: !!bridge })}
        ${cssProps(
          // through the CSSOM: a style attribute would be blocked by a strict style-src policy
          bridge
            ? {
                left: `${bridge.left}px`,
                top: `${bridge.top}px`,
                width: `${bridge.width}px`,
                height: `${bridge.height}px`,
                'clip-path': bridge.clipPath,
              }
            : {},
        )}
        aria-hidden="true"
      ></div>
      ${
        entry
          ? html`<div part="header" class="header">
                ${
                  this.history.length
                    ? html`<button part="back-button" class="back" type="button" @click=${this.#onBack}>
                        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M15 5l-7 7 7 7" /></svg
                        >${labels.back}
                      </button>`
                    : nothing
                }
                <span part="term-title" class="title" id="title" tabindex="-1" lang=${contentLang(entry.term)}
                  >${entry.term}</span
                >
                <button
                  part="close-button"
                  class="close"
                  type="button"
                  aria-label=${labels.close}
                  title=${labels.close}
                  @click=${this.#onClose}
                >
                  <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
                </button>
              </div>
              <div part="body" class="body" tabindex=${this.scrollable ? '0' : nothing}>
                <div part="definition" class="definition">
                  ${entry.definition.map(
                    (paragraph, index) =>
                      html`<p lang=${contentLang(paragraph)}>
                        ${
                          index === 0
                            ? html`<span class="visually-hidden"
                                >${labels.definition}${labels.separator}</span
                              >`
                            : nothing
                        }${this.#renderSegments(segments.definition[index] ?? [{ text: paragraph }])}
                      </p>`,
                  )}
                </div>
                ${
                  entry.notes.length
                    ? html`<div part="notes" class="notes" role="note" aria-label=${labels.notes}>
                        ${entry.notes.map(
                          (note, index) =>
                            html`<p lang=${contentLang(note)}>
                              ${this.#renderSegments(segments.notes[index] ?? [{ text: note }])}
                            </p>`,
                        )}
                      </div>`
                    : nothing
                }
                <div class="meta">
                  ${
                    related.length
                      ? html`<div part="related" class="related">
                          <span class="label" id="related-label">${labels.related}${labels.separator}</span>
                          <ul class="related-list" aria-labelledby="related-label">
                            ${related.map(
                              (other) =>
                                html`<li>
                                  <button
                                    part="related-button"
                                    class="related-button"
                                    type="button"
                                    lang=${contentLang(other.term)}
                                    data-key=${`row-${other.serial}`}
                                    @click=${() => this.#follow(other, `row-${other.serial}`)}
                                  >
                                    ${other.term}
                                  </button>
                                </li>`,
                            )}
                          </ul>
                        </div>`
                      : nothing
                  }
                  <p part="unit" class="unit">
                    <span class="label">${labels.unit}${labels.separator}</span
                    ><span class="value" lang=${contentLang(entry.unit)}>${entry.unit}</span>
                    ${
                      entry.unitName && entry.unitName !== entry.unit
                        ? html`<button
                              part="unit-toggle"
                              class="unit-toggle"
                              type="button"
                              aria-expanded=${this.unitExpanded ? 'true' : 'false'}
                              aria-controls="unit-name"
                              @click=${this.#onUnitToggle}
                            >
                              ${labels.unitFullName}
                            </button>
                            <span
                              part="unit-name"
                              class="unit-name"
                              id="unit-name"
                              lang=${contentLang(entry.unitName)}
                              ?hidden=${!this.unitExpanded}
                              >${entry.unitName}</span
                            >`
                        : nothing
                    }
                  </p>
                  <p part="source" class="source">
                    <span class="label">${labels.source}${labels.separator}</span
                    ><span class="value" lang=${contentLang(source)}>${source}</span>
                  </p>
                  <div class="actions">
                    <button part="copy-button" class="copy" type="button" @click=${this.#onCopy}>
                      ${labels.copy}
                    </button>
                    <span part="copy-status" class="copy-status" role="status">${this.copyStatus}</span>
                  </div>
                  ${
                    this.glossaryLink
                      ? html`<a part="glossary-link" class="link" href=${this.glossaryLink}
                          >${labels.glossaryLink}</a
                        >`
                      : nothing
                  }
                </div>
              </div>`
          : nothing
      }
      <div part="arrow" class="arrow" aria-hidden="true"></div>
    </div>`;
  }

  async #open(trigger: CardTrigger, entry: DefinitionEntry, options: ShowOptions): Promise<boolean> {
    this.#close(false);
    this.#moveNextTo(trigger);
    const sequence = ++this.#sequence;
    const anchor = options.anchor?.isConnected ? options.anchor : trigger;
    this.#trigger = trigger;
    this.entry = entry;
    this.history = [];
    this.unitExpanded = false;
    this.copyStatus = '';
    this.definitionSet = trigger.definitionSet;
    this.cardLang = trigger.cardLang;
    this.glossaryLink = buildGlossaryLink(getTermsConfig().glossaryUrl, entry.serial, document.baseURI);
    this.bridge = undefined;
    this.isOpen = true;
    await this.updateComplete;
    if (sequence !== this.#sequence) return false;

    this.#showSurface();
    const controller = new AbortController();
    this.#listen(controller.signal);
    const positioning = positionCard({
      anchor,
      card: this.surface,
      arrow: this.arrowElement,
      line: findLine(anchor, options.point),
      onPlaced: (placed) => this.#onPlaced(placed),
      onError: (error) => reportError(trigger, error, 'card position'),
    });
    this.#session = { controller, stopPositioning: positioning.cleanup };
    trigger.setExpanded(true);
    await positioning.ready;
    if (sequence !== this.#sequence) return false;
    if (options.moveFocus) this.#focusSurface();
    return true;
  }

  #close(returnFocus: boolean): void {
    this.#intent.cancel();
    const trigger = this.#trigger;
    if (!trigger) return;
    const entry = this.entry;
    this.#sequence++;
    this.#session?.controller.abort();
    this.#session?.stopPositioning();
    this.#session = undefined;
    const focusInside = this.#cardHasFocus();
    this.#trigger = undefined;
    this.#pointerOnCard = false;
    if (returnFocus && focusInside && trigger.isConnected) {
      // Handing focus back must not reopen the card through the term's focus handler.
      this.#returningFocusTo = trigger;
      try {
        trigger.focus({ preventScroll: true });
      } finally {
        this.#returningFocusTo = undefined;
      }
    }
    this.isOpen = false;
    this.#hideSurface();
    trigger.setExpanded(false);
    if (entry) trigger.dispatchEvent(new DszdHideEvent(entry));
  }

  #listen(signal: AbortSignal): void {
    const doc = this.ownerDocument;
    doc.addEventListener('keydown', (event) => this.#guard(() => this.#onDocumentKeydown(event)), {
      capture: true,
      signal,
    });
    doc.addEventListener('pointerdown', (event) => this.#guard(() => this.#onDocumentPointerDown(event)), {
      capture: true,
      signal,
    });
  }

  #guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      reportError(this.#trigger ?? this, error, 'card');
    }
  }

  #onDocumentKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.isComposing || !this.isOpen) return;
    // Escape belongs to the topmost layer: ours. A host dialog underneath stays open.
    event.preventDefault();
    this.hide({ returnFocus: true });
  }

  #onDocumentPointerDown(event: PointerEvent): void {
    const path = event.composedPath();
    if (path.includes(this) || this.#trigger?.pieces.some((piece) => path.includes(piece))) return;
    this.hide();
  }

  #onCardPointerEnter = (event: PointerEvent): void => {
    this.#guard(() => {
      if (event.pointerType === 'touch') return;
      this.#pointerOnCard = true;
      this.#intent.cancel();
    });
  };

  #onCardPointerLeave = (event: PointerEvent): void => {
    this.#guard(() => {
      if (event.pointerType === 'touch') return;
      this.#pointerOnCard = false;
      this.#scheduleHide();
    });
  };

  #onCardFocusOut = (event: FocusEvent): void => {
    this.#guard(() => this.#closeUnlessKept(event.relatedTarget));
  };

  #onCardKeydown = (event: KeyboardEvent): void => {
    this.#guard(() => {
      if (event.key !== 'Tab') return;
      // A non-modal card sits at the end of the page: Tab past either end goes back to the term, not onward.
      const stops = [...this.surface.querySelectorAll<HTMLElement>('button, a[href], .body[tabindex]')];
      const active = this.shadowRoot?.activeElement;
      const atStart = !active || active === this.surface || active === stops[0];
      const atEnd = active === stops[stops.length - 1];
      if ((event.shiftKey && atStart) || (!event.shiftKey && atEnd)) {
        event.preventDefault();
        this.hide({ returnFocus: true });
      }
    });
  };

  #onClose = (): void => {
    this.hide({ returnFocus: true });
  };

  /** Text with its related-term mentions as buttons; text bindings only, never HTML. */
  #renderSegments(segments: readonly TextSegment[]): unknown {
    return segments.map((segment) => {
      const other = segment.entry;
      if (!other) return segment.text;
      const key = `text-${other.serial}`;
      // No white space inside: the button sits in running Chinese text, where a space would show.
      // prettier-ignore
      return html`<button part="related-link" class="ref" type="button" data-key=${key} @click=${() => this.#follow(other, key)}>${segment.text}</button>`;
    });
  }

  /** Shows a related entry in this card; 返回 will come back to the button `focusKey` names. */
  #follow(target: DefinitionEntry, focusKey: string): void {
    this.#guard(() => {
      const current = this.entry;
      if (!current || !this.isOpen) return;
      this.history = [...this.history, { entry: current, focusKey }];
      void this.#showEntry(target, () => this.titleElement);
    });
  }

  #onBack = (): void => {
    this.#guard(() => {
      const step = this.history.at(-1);
      if (!step) return;
      this.history = this.history.slice(0, -1);
      void this.#showEntry(
        step.entry,
        () =>
          this.renderRoot.querySelector<HTMLElement>(`[data-key="${step.focusKey}"]`) ?? this.titleElement,
      );
    });
  };

  async #showEntry(entry: DefinitionEntry, focusTarget: () => HTMLElement | null): Promise<void> {
    // The button used is about to leave the DOM: hold focus on the title (kept across entries) so the card, which
    // closes when focus leaves it, stays open.
    this.titleElement?.focus({ preventScroll: true });
    this.entry = entry;
    this.unitExpanded = false;
    this.copyStatus = '';
    await this.updateComplete;
    if (!this.isOpen || this.entry !== entry) return;
    this.body.scrollTop = 0;
    focusTarget()?.focus();
  }

  #onUnitToggle = (): void => {
    this.unitExpanded = !this.unitExpanded;
  };

  #onCopy = (event: Event): void => {
    const entry = this.entry;
    const button = event.currentTarget as HTMLElement;
    if (!entry) return;
    const labels = getLabels(this.cardLang);
    // Cleared first, so a second copy is announced again.
    this.copyStatus = '';
    copyText(formatCitation(entry, this.definitionSet), button)
      .then((copied) => {
        if (this.entry === entry) this.copyStatus = copied ? labels.copied : labels.copyFailed;
      })
      .catch((error: unknown) => reportError(this.#trigger ?? this, error, 'card copy'));
  };

  #closeUnlessKept(next: EventTarget | null): void {
    if (!this.isOpen || !this.#trigger) return;
    if (
      next instanceof Node &&
      (this.#isPartOf(next) || this.#trigger.pieces.some((piece) => piece.contains(next)))
    )
      return;
    // Switching windows blurs too; the card should still be there on return.
    if (!this.ownerDocument.hasFocus()) return;
    if (this.#hovered === this.#trigger || this.#pointerOnCard) return;
    this.hide();
  }

  #scheduleHide(): void {
    const trigger = this.#trigger;
    if (!this.isOpen || !trigger || this.#hovered === trigger || this.#pointerOnCard) return;
    // Focus on the term or in the card keeps it open (WCAG 1.4.13: persistent while focused).
    if (this.#cardHasFocus() || this.#triggerHasFocus(trigger)) return;
    this.#intent.schedule('hide', trigger.hideDelay, () => this.hide());
  }

  #isPartOf(node: Node): boolean {
    for (let current: Node | null = node; current;) {
      if (current === this) return true;
      current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
    }
    return false;
  }

  #cardHasFocus(): boolean {
    return !!this.shadowRoot?.activeElement;
  }

  #triggerHasFocus(trigger: CardTrigger): boolean {
    const root = trigger.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    return !!active && trigger.pieces.some((piece) => piece === active || piece.contains(active));
  }

  /** Into the trigger's modal dialog (outside it the card would be inert), else back to the body. */
  #moveNextTo(trigger: CardTrigger): void {
    const container = findModalContainer(trigger) ?? this.ownerDocument.body;
    if (container && this.parentNode !== container) container.append(this);
  }

  #showSurface(): void {
    const surface = this.surface;
    if (supportsPopover(surface) && !surface.matches(':popover-open')) surface.showPopover();
  }

  #hideSurface(): void {
    const surface = this.cardElement;
    if (surface && supportsPopover(surface) && surface.matches(':popover-open')) surface.hidePopover();
  }

  #focusSurface(): void {
    this.surface.focus({ preventScroll: true });
  }

  #onPlaced(placed: Placed): void {
    this.bridge = computeBridge(placed.anchorRect, placed.cardRect, placed.side);
    const body = this.body;
    if (body) this.scrollable = body.scrollHeight > body.clientHeight + 1;
    this.surface.dataset.side = placed.side;
  }
}

/** `showPopover` is missing in older browsers: there the card is a position: fixed layer with a very high z-index. */
function supportsPopover(element: HTMLElement): boolean {
  return typeof element.showPopover === 'function';
}

/** Chinese text is marked as such, so a screen reader set to English still reads the definitions in Chinese. */
function contentLang(text: string): string | typeof nothing {
  return HAN.test(text) ? 'zh-CN' : nothing;
}

/** The line of a wrapped term under the pointer; undefined without a pointer (then the line nearest the card). */
function findLine(
  anchor: Element | VirtualAnchor,
  point: { x: number; y: number } | undefined,
): number | undefined {
  if (!point) return undefined;
  const rects = Array.from(anchor.getClientRects());
  const index = rects.findIndex(
    (rect) =>
      point.x >= rect.left - 2 &&
      point.x <= rect.right + 2 &&
      point.y >= rect.top - 2 &&
      point.y <= rect.bottom + 2,
  );
  return index < 0 ? undefined : index;
}
