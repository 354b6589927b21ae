import { html, LitElement, nothing, render } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { waitForNextFrame, yieldToEventLoop } from '../live/schedule';
import { definitionSet as shippedSet } from '../definitions/definition-set.generated';
import { formatCitation } from '../definitions/citation';
import { describeSet } from '../definitions/describe-set';
import { findRelatedEntries, segmentRelated, type TextSegment } from '../definitions/related';
import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { reportError } from '../events/error-event';
import { DszdHideEvent } from '../events/hide-event';
import { DszdShowEvent } from '../events/show-event';
import { findEntrySource } from '../config/set-sources';
import { getTermsConfig, watchTermsConfig } from '../config/terms-config';
import { copyText } from './copy-text';
import { cardStyles } from './dszd-card.styles';
import { cssProps } from './css-props';
import { loadEntryTexts } from './entry-texts';
import { buildGlossaryLink } from '../links/glossary-link';
import { computeBridge, type Bridge } from './bridge';
import { CardService } from './card-service';
import { DEFAULT_CARD_LANG, getLabels, parseCardLang, type CardLang } from '../i18n/labels';
import { findModalContainer } from './modal-container';
import { findLineAt, positionCard, type Placed, type VirtualAnchor } from './position';
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

/** What the card shows of an entry besides its fields. */
interface EntryTexts {
  source: string;
  segments: ReturnType<typeof segmentRelated>;
  related: DefinitionEntry[];
}

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
 * both the term and the card (a transparent bridge covers the gap between them). The element renders and places
 * the card; when to open and close it is decided by its card service (`./card-service.ts`), which the terms talk to.
 *
 * @attr {boolean} open - Present while the card is open (reflected). Removing it closes the card.
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
 * @tagname dszd-card
 */
export class DszdCard extends LitElement {
  static override styles = cardStyles;

  @state() private entry: DefinitionEntry | undefined;
  @state() private definitionSet: DefinitionSet = shippedSet;
  @state() private cardLang: CardLang = DEFAULT_CARD_LANG;
  @state() private glossaryLink: string | undefined;
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

  /** Hover, focus and touch intent and dismissal: what terms talk to (see ./card-service). @internal */
  readonly service: CardService = new CardService(this);

  /** Not a rendered state: the surface's `open` and `placed` classes are set by the show and the hide. */
  private _isOpen = false;
  private _trigger: CardTrigger | undefined;
  private _stopPositioning: (() => void) | undefined;
  /** Bumped by every show and hide, so a show still awaiting rendering knows it was overtaken. */
  private _sequence = 0;
  /** Settles once the body's scrollability after the latest placement is known. */
  private _scrollableChecked: Promise<void> = Promise.resolve();
  /** The show in progress (or done): a second show for the same term waits for it. */
  private _opening: Promise<boolean> = Promise.resolve(false);

  /**
   * Whether the card is open, reflected as the `open` attribute. Setting it false (or removing the attribute) closes
   * the card; setting it true shows the card for the term it is open for, which is none once it closed: a card opens
   * for a term through `show(term)`.
   */
  @property({ type: Boolean, reflect: true })
  get open(): boolean {
    return this._isOpen;
  }
  set open(value: boolean) {
    if (value === this._isOpen) return;
    void (value ? this.show() : this.hide());
    // A show with no term to show for opens nothing: the update takes an attribute set from outside away again.
    this.requestUpdate();
  }

  /** The term the card is open for, if any. */
  get trigger(): CardTrigger | undefined {
    return this._trigger;
  }

  /** Settles when the latest show has rendered and placed the card: true if it opened, false if not. */
  get ready(): Promise<boolean> {
    return this._opening;
  }

  /** The surface in the top layer (for tests and positioning). @internal */
  get cardElement(): HTMLElement | null {
    return this.renderRoot.querySelector('.card');
  }

  /**
   * Opens the card for a term at once, replacing any other term's card (without a term: the one it is open for).
   * Fires a cancelable `dszd-show` on the term first. Resolves once the card is shown and placed: to whether it is
   * open for the term (false if refused, or overtaken by a hide or another show). Never rejects.
   */
  async show(trigger: CardTrigger | undefined = this._trigger, options: ShowOptions = {}): Promise<boolean> {
    try {
      this.service.showing();
      const entry = trigger?.entry;
      if (!trigger || !entry || !trigger.isConnected || !this.isConnected) return false;
      if (this._trigger === trigger && this._isOpen) {
        const opened = await this._opening;
        if (opened && options.moveFocus && this._trigger === trigger) this._focusSurface();
        return opened && this._trigger === trigger;
      }
      // The drop-in's entries get their texts from a file of their own (see entry-texts.ts): usually there already.
      const texts = loadEntryTexts(entry);
      if (texts) {
        const waiting = (this._waiting = {});
        const loaded = await texts;
        // a hide or another show came meanwhile
        if (this._waiting !== waiting) return false;
        this._waiting = undefined;
        if (!loaded || !trigger.isConnected || !this.isConnected) return false;
      }
      const event = new DszdShowEvent(entry);
      trigger.dispatchEvent(event);
      if (event.defaultPrevented) {
        this.service.refused();
        return false;
      }
      this._opening = this._open(trigger, entry, options);
      return await this._opening;
    } catch (error) {
      reportError(trigger ?? this, error, 'card show');
      return false;
    }
  }

  /**
   * Closes the card at once; resolves once its closed state is rendered (the `open` attribute gone). With
   * `returnFocus`, focus inside the card goes back to the term. Never rejects.
   */
  async hide(options: { returnFocus?: boolean } = {}): Promise<void> {
    try {
      this._close(options.returnFocus ?? false);
      await this.updateComplete;
    } catch (error) {
      reportError(this._trigger ?? this, error, 'card hide');
    }
  }

  /**
   * Renders the closed (hidden) card at once with an entry of its set, so that the term that opens it only changes
   * texts: the shortest entry with a definition alone (`plain`: the card's outer templates and elements), with
   * related terms, or with notes (their templates). One render at a time is a task's worth of work on a phone; `plain`
   * can come in three (`parts`: 1 renders the header alone, 2 the header and the texts, 3 everything), each making
   * its templates and elements, as the render of the whole card was over 50 ms on a phone. The closed card is then
   * laid out, unseen (`laid-out`: hidden, no pointer events, nothing in it focusable), so that the frame after each
   * step lays out what it made and a tap's frame only the entry's texts. Nothing while the card is open.
   * @internal
   */
  prerender(kind: 'plain' | 'related' | 'notes', parts: 1 | 2 | 3 = 3): void {
    if (this._isOpen) return;
    // only entries with their texts (the drop-in's arrive after the card stage: see entry-texts.ts)
    const fits = (entry: DefinitionEntry) =>
      entry.definition.length > 0 &&
      (kind === 'notes'
        ? entry.notes.length > 0
        : !entry.notes.length && !!entry.related?.length === (kind === 'related'));
    let shortest: DefinitionEntry | undefined;
    let shortestLength = Infinity;
    for (const entry of this.definitionSet.entries) {
      const length = fits(entry) ? entry.definition.join('').length : Infinity;
      if (length < shortestLength) [shortest, shortestLength] = [entry, length];
    }
    if (!shortest) return;
    this.entry = shortest;
    this._parts = parts;
    this.requestUpdate();
    try {
      this.renderPending();
      // laid out while closed, unseen: the frame after this step lays out what the render made, not the first tap's
      this.cardElement?.classList.add('laid-out');
    } finally {
      this._parts = 3;
    }
  }

  /** How much of the card a render makes (see prerender); everything but while prerendering in steps. */
  private _parts: 1 | 2 | 3 = 3;

  /** Renders a pending update now (lit's performUpdate) instead of in a microtask after the task. @internal */
  renderPending(): void {
    if (this.isUpdatePending) this.performUpdate();
  }

  /** Makes the card's constructed style sheets ahead of the first card (lit makes them as it connects). @internal */
  static prepareStyles(): void {
    this.finalize();
    for (const style of this.elementStyles) if ('styleSheet' in style) void style.styleSheet;
  }

  /**
   * Runs lit's rendering once, out of the page, on a throwaway template: `text` with texts alone, then `bindings`
   * with each other kind of binding the card's own templates use (attributes, a boolean, a property, an event, a
   * list, a directive). On a phone most of the card's first render was the engine compiling lit's code as it ran the
   * first time: these take that part to steps of their own. @internal
   */
  static prepareRendering(doc: Document, kinds: 'text' | 'bindings'): void {
    const list = [html`<i>${'x'}</i>`];
    render(
      kinds === 'text'
        ? html`<p>${'x'}</p>`
        : html`<p
            lang=${'zh'}
            class=${classMap({ on: true })}
            ?hidden=${false}
            .title=${''}
            @click=${() => undefined}
          >
            ${list}${nothing}
          </p>`,
      doc.createDocumentFragment(),
    );
  }

  private _stopWatchingConfig: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // configureTerms({ glossaryUrl }) reaches an open card too: its link changes or goes.
    this._stopWatchingConfig ??= watchTermsConfig(() => {
      if (this.entry) this.glossaryLink = this._linkFor(this.entry, this.definitionSet);
    });
  }

  /** The entry's place on the glossary page, which lists the page's set: none for a term of another set. */
  private _linkFor(entry: DefinitionEntry, set: DefinitionSet): string | undefined {
    const config = getTermsConfig();
    return set === config.set
      ? buildGlossaryLink(config.glossaryUrl, entry.serial, document.baseURI)
      : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopWatchingConfig?.();
    this._stopWatchingConfig = undefined;
    void this.hide();
  }

  /** The show waiting for its entry's texts, if any: a hide or a later show replaces it. */
  private _waiting: object | undefined;

  /** Set by a show: the new entry's texts are rendered in a task of their own, not in the tap's or the key's. */
  private _renderInOwnTask = false;

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this._renderInOwnTask) return super.scheduleUpdate();
    this._renderInOwnTask = false;
    return yieldToEventLoop().then(() => super.scheduleUpdate());
  }

  protected override updated(): void {
    // The attribute follows the state even where Lit does not reflect it: one set from outside that opened nothing.
    if (this.hasAttribute('open') !== this._isOpen) this.toggleAttribute('open', this._isOpen);
  }

  protected override render() {
    try {
      return this._renderCard();
    } catch (error) {
      reportError(this, error, 'card render');
      return nothing;
    }
  }

  private _renderCard() {
    const entry = this.entry;
    const labels = getLabels(this.cardLang);
    const set = this.definitionSet;
    const { source, segments, related } = this._textsOf(entry, set);
    const bridge = this.bridge;
    // 1: the header alone, 2: and the texts, 3: everything (see prerender)
    const parts = this._parts;
    return html`<div
      part="card"
      class="card"
      popover="manual"
      role="dialog"
      aria-labelledby="title"
      lang=${this.cardLang}
      tabindex="-1"
      @keydown=${this._onCardKeydown}
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
                    ? html`<button part="back-button" class="back" type="button" @click=${this._onBack}>
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
                  @click=${this._onClose}
                >
                  <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
                </button>
              </div>
              <div part="body" class="body" tabindex=${this.scrollable ? '0' : nothing}>
                ${
                  parts > 1
                    ? html`<div part="definition" class="definition">
                          ${entry.definition.map(
                            (paragraph, index) =>
                              html`<p lang=${contentLang(paragraph)}>
                                ${
                                  index === 0
                                    ? html`<span class="visually-hidden"
                                        >${labels.definition}${labels.separator}</span
                                      >`
                                    : nothing
                                }${this._renderSegments(segments.definition[index] ?? [{ text: paragraph }])}
                              </p>`,
                          )}
                        </div>
                        ${
                          entry.notes.length
                            ? html`<div part="notes" class="notes" role="note" aria-label=${labels.notes}>
                                ${entry.notes.map(
                                  (note, index) =>
                                    html`<p lang=${contentLang(note)}>
                                      ${this._renderSegments(segments.notes[index] ?? [{ text: note }])}
                                    </p>`,
                                )}
                              </div>`
                            : nothing
                        }`
                    : nothing
                }
                ${
                  parts > 2
                    ? html`<div class="meta">
                        ${
                          related.length
                            ? html`<div part="related" class="related">
                                <span class="label" id="related-label"
                                  >${labels.related}${labels.separator}</span
                                >
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
                                          @click=${() => this._follow(other, `row-${other.serial}`)}
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
                                    @click=${this._onUnitToggle}
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
                          <button part="copy-button" class="copy" type="button" @click=${this._onCopy}>
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
                      </div>`
                    : nothing
                }
              </div>`
          : nothing
      }
      <div part="arrow" class="arrow" aria-hidden="true"></div>
    </div>`;
  }

  private _texts: (EntryTexts & { entry: DefinitionEntry | undefined; set: DefinitionSet }) | undefined;

  /**
   * What the template derives from the entry (its related-term mentions, found by the matcher): computed once per
   * entry, not again for every render that only moves the bridge or marks the body scrollable.
   */
  private _textsOf(entry: DefinitionEntry | undefined, set: DefinitionSet): EntryTexts {
    const cached = this._texts;
    if (cached && cached.entry === entry && cached.set === set) return cached;
    const texts = {
      entry,
      set,
      // of a combination, the set the entry itself comes from
      source: describeSet(entry ? findEntrySource(entry, set) : set),
      segments: entry ? segmentRelated(entry, set) : { definition: [], notes: [] },
      related: entry ? findRelatedEntries(entry, set) : [],
    };
    this._texts = texts;
    return texts;
  }

  private async _open(trigger: CardTrigger, entry: DefinitionEntry, options: ShowOptions): Promise<boolean> {
    const anchor = options.anchor?.isConnected ? options.anchor : trigger;
    // Read before any write: the line of the term under the finger, while the page's layout is clean (after the
    // render below it is not: the closed card is laid out, hidden, and its new texts would be laid out for this read).
    const line = findLineAt(anchor, options.point);
    this._close(false);
    this._moveNextTo(trigger);
    const sequence = ++this._sequence;
    this._renderInOwnTask = true;
    this._trigger = trigger;
    this.entry = entry;
    this.history = [];
    this.unitExpanded = false;
    this.copyStatus = '';
    this.definitionSet = trigger.definitionSet;
    // the term's `lang` attribute if it names zh or en, else the page-wide setting
    this.cardLang = parseCardLang(trigger.getAttribute('lang')) ?? getTermsConfig().lang;
    this.glossaryLink = this._linkFor(entry, this.definitionSet);
    this.bridge = undefined;
    this._setOpen(true);
    // rendered in a task after this one (scheduleUpdate): the tap's or the key's task only decides
    await this.updateComplete;
    if (sequence !== this._sequence) return false;
    this._loadRelatedTexts();
    // Showing and placing the card reads the page's layout: on a phone each step below is a task's worth of work,
    // so each gets its own task.
    await yieldToEventLoop();
    if (sequence !== this._sequence) return false;

    // In the top layer but hidden until placed: its style and layout are done by the next frame's rendering, not
    // forced by the measuring below, and it never shows where it was before (or at the top-left corner).
    this._showSurface();
    this.service.opened(this.surface);
    trigger.setExpanded(this);
    await waitForNextFrame();
    if (sequence !== this._sequence) return false;

    const positioning = positionCard({
      anchor,
      card: this.surface,
      arrow: this.arrowElement,
      line,
      onPlaced: (placed) => this._onPlaced(placed),
      onError: (error) => reportError(trigger, error, 'card position'),
    });
    this._stopPositioning = positioning.cleanup;
    await positioning.ready;
    if (sequence !== this._sequence) return false;
    // Placed, or not placeable (reported): either way a card that is open must be seen.
    this.surface.classList.add('placed');
    await this._scrollableChecked;
    if (sequence !== this._sequence) return false;
    if (options.moveFocus) this._focusSurface();
    return true;
  }

  private _close(returnFocus: boolean): void {
    this._waiting = undefined;
    const trigger = this._trigger;
    this.service.closed(returnFocus ? trigger : undefined);
    if (!trigger) return;
    const entry = this.entry;
    this._sequence++;
    this._stopPositioning?.();
    this._stopPositioning = undefined;
    this._trigger = undefined;
    this._setOpen(false);
    this._hideSurface();
    trigger.setExpanded(null);
    if (entry) trigger.dispatchEvent(new DszdHideEvent(entry));
  }

  /** The state behind `open`: the attribute follows in the next update. */
  private _setOpen(open: boolean): void {
    if (open === this._isOpen) return;
    this._isOpen = open;
    this.requestUpdate('open', !open);
  }

  private _guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      reportError(this._trigger ?? this, error, 'card');
    }
  }

  private _onCardKeydown = (event: KeyboardEvent): void => {
    this._guard(() => {
      if (event.key !== 'Tab') return;
      // A non-modal card sits at the end of the page: Tab past either end goes back to the term, not onward.
      const stops = [...this.surface.querySelectorAll<HTMLElement>('button, a[href], .body[tabindex]')];
      const active = this.shadowRoot?.activeElement;
      const atStart = !active || active === this.surface || active === stops[0];
      const atEnd = active === stops[stops.length - 1];
      if ((event.shiftKey && atStart) || (!event.shiftKey && atEnd)) {
        event.preventDefault();
        void this.hide({ returnFocus: true });
      }
    });
  };

  private _onClose = (): void => {
    void this.hide({ returnFocus: true });
  };

  /** Text with its related-term mentions as buttons; text bindings only, never HTML. */
  private _renderSegments(segments: readonly TextSegment[]): unknown {
    return segments.map((segment) => {
      const other = segment.entry;
      if (!other) return segment.text;
      const key = `text-${other.serial}`;
      // No white space inside: the button sits in running Chinese text, where a space would show.
      // prettier-ignore
      return html`<button part="related-link" class="ref" type="button" data-key=${key} @click=${() => this._follow(other, key)}>${segment.text}</button>`;
    });
  }

  /** Shows a related entry in this card; 返回 will come back to the button `focusKey` names. */
  private _follow(target: DefinitionEntry, focusKey: string): void {
    this._guard(() => {
      const current = this.entry;
      if (!current || !this._isOpen) return;
      // its texts still loading (the drop-in's): followed when they are there, if the card still shows this entry
      const texts = loadEntryTexts(target);
      if (texts) {
        void texts.then((loaded) => loaded && this.entry === current && this._follow(target, focusKey));
        return;
      }
      this.history = [...this.history, { entry: current, focusKey }];
      void this._showEntry(target, () => this.titleElement);
    });
  }

  private _onBack = (): void => {
    this._guard(() => {
      // (not .at(-1): Chrome before 92 and Safari before 15.4 lack it)
      const step = this.history[this.history.length - 1];
      if (!step) return;
      this.history = this.history.slice(0, -1);
      void this._showEntry(
        step.entry,
        () =>
          this.renderRoot.querySelector<HTMLElement>(`[data-key="${step.focusKey}"]`) ?? this.titleElement,
      );
    });
  };

  /** The texts of the entries a reader may follow from the card (the drop-in's): loaded now, not on the click. */
  private _loadRelatedTexts(): void {
    for (const other of this._texts?.related ?? []) void loadEntryTexts(other, false);
  }

  private async _showEntry(entry: DefinitionEntry, focusTarget: () => HTMLElement | null): Promise<void> {
    // The button used is about to leave the DOM: hold focus on the title (kept across entries) so the card, which
    // closes when focus leaves it, stays open.
    this.titleElement?.focus({ preventScroll: true });
    this.entry = entry;
    this.unitExpanded = false;
    this.copyStatus = '';
    await this.updateComplete;
    if (!this._isOpen || this.entry !== entry) return;
    this._loadRelatedTexts();
    this.body.scrollTop = 0;
    focusTarget()?.focus();
  }

  private _onUnitToggle = (): void => {
    this.unitExpanded = !this.unitExpanded;
  };

  private _onCopy = (event: Event): void => {
    const entry = this.entry;
    const button = event.currentTarget as HTMLElement;
    if (!entry) return;
    const labels = getLabels(this.cardLang);
    // Cleared first, so a second copy is announced again.
    this.copyStatus = '';
    copyText(formatCitation(entry, findEntrySource(entry, this.definitionSet)), button)
      .then((copied) => {
        if (this.entry === entry) this.copyStatus = copied ? labels.copied : labels.copyFailed;
      })
      .catch((error: unknown) => reportError(this._trigger ?? this, error, 'card copy'));
  };

  /** Into the trigger's modal dialog (outside it the card would be inert), else back to the body. */
  private _moveNextTo(trigger: CardTrigger): void {
    const container = findModalContainer(trigger) ?? this.ownerDocument.body;
    if (container && this.parentNode !== container) container.append(this);
  }

  /** Shows the surface, still hidden (`placed` is missing) and unplaced. */
  private _showSurface(): void {
    const surface = this.surface;
    surface.classList.add('open');
    if (supportsPopover(surface) && !surface.matches(':popover-open')) surface.showPopover();
  }

  private _hideSurface(): void {
    const surface = this.cardElement;
    if (!surface) return;
    surface.classList.remove('open', 'placed');
    if (supportsPopover(surface) && surface.matches(':popover-open')) surface.hidePopover();
  }

  private _focusSurface(): void {
    this.surface.focus({ preventScroll: true });
  }

  /** Placed (first or again): revealed where it stands, its bridge redrawn; whether it scrolls is read later. */
  private _onPlaced(placed: Placed): void {
    this.bridge = computeBridge(placed.anchorRect, placed.cardRect, placed.side);
    const surface = this.surface;
    surface.dataset.side = placed.side;
    surface.classList.add('placed');
    // Reading the body's heights now would lay out again what the placement just wrote: the next task reads them.
    const sequence = this._sequence;
    this._scrollableChecked = yieldToEventLoop().then(() => {
      const body = this.body;
      if (sequence === this._sequence && body) this.scrollable = body.scrollHeight > body.clientHeight + 1;
    });
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
