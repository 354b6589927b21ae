import { reportError } from '../events/error-event';
import { composedParent, guard } from '../live/dom';
import type { DszdCard, ShowOptions } from './dszd-card';
import { HoverIntent, type IntentTimers } from './hover-intent';
import type { CardTrigger } from './trigger';

/**
 * The card's behaviour around its view: hover, focus and touch intent (the show dwell, the hide delay) and
 * dismissal (Escape, a tap or click outside, the pointer leaving term, bridge and card, focus leaving both). Terms
 * talk to it (through `handleTermEvent` in ./card-host); the card tells it when it starts showing, opens and closes.
 *
 * The listeners an open card needs (on the document and on the card's surface) live for that opening only: one
 * AbortController per opening, aborted when the card closes.
 */
export class CardService {
  private readonly _card: DszdCard;
  private readonly _intent: HoverIntent;
  /** The term the pointer rests on; cleared on leave and when the term leaves the page (which fires no leave). */
  private _hovered: CardTrigger | undefined;
  private _pointerOnCard = false;
  private _controller: AbortController | undefined;
  /** The term focus is being handed back to as the card closes: its focus must not reopen the card. */
  private _returningFocusTo: CardTrigger | undefined;

  /** `timers`: what the dwell and the hide delay run on (the page's, or those given to `useIntentTimers`). */
  constructor(card: DszdCard, timers?: IntentTimers) {
    this._card = card;
    this._intent = new HoverIntent(timers);
  }

  /**
   * An event on a term or on a piece of a split term (the piece it happened on is the card's anchor): a mouse's
   * enter and leave, a finger's lift, a click, focus and blur, and an activation key (the term forwards Enter and
   * Space only, and keeps their default itself). Other events are ignored.
   */
  handleTermEvent(piece: CardTrigger, event: Event): void {
    const trigger = (piece.pieces[0] ?? piece) as CardTrigger;
    const pointer = event as PointerEvent;
    // Touch has no hover: a tap opens at once (pointerup), so a finger's enter and leave are no intent.
    const touch = pointer.pointerType === 'touch';
    const point = { x: pointer.clientX, y: pointer.clientY };
    switch (event.type) {
      case 'pointerenter':
        if (!touch) this.hover(trigger, { anchor: piece, point });
        break;
      case 'pointerleave':
        if (!touch) this.leave(trigger);
        break;
      case 'pointerup':
        if (touch) void this._card.show(trigger, { anchor: piece, point });
        break;
      case 'click':
        // a click from the keyboard (detail 0) has no pointer position
        void this._card.show(trigger, { anchor: piece, point: pointer.detail > 0 ? point : undefined });
        break;
      case 'focusin':
        // at once (unless the card itself is handing focus back to the term)
        if (this._returningFocusTo !== trigger) void this._card.show(trigger, { anchor: trigger });
        break;
      case 'focusout':
        // close, unless focus went into the card or the pointer still rests on term or card
        if (this._card.trigger === trigger) this._closeUnlessKept((event as FocusEvent).relatedTarget);
        break;
      case 'keydown':
        // role="button" on a span gets no click from the keyboard: Enter and Space open and move focus into it.
        void this._card.show(trigger, { anchor: piece, moveFocus: true });
    }
  }

  /** The pointer entered a term: open after its dwell, or keep the card open if it is the term's. */
  hover(trigger: CardTrigger, options: ShowOptions = {}): void {
    this._hovered = trigger;
    if (this._card.open && this._card.trigger === trigger) {
      this._intent.cancel('hide');
      return;
    }
    this._intent.schedule('show', trigger.showDelay, () => void this._card.show(trigger, options), trigger);
  }

  /** The pointer left a term: forget its pending dwell; close after the hide delay unless it reaches the card. */
  leave(trigger: CardTrigger): void {
    if (this._hovered === trigger) this._hovered = undefined;
    this._intent.cancel('show', trigger);
    this._scheduleHide();
  }

  /** A term is leaving the page: its card must not stay behind, nor its pending dwell. */
  release(trigger: CardTrigger): void {
    if (this._hovered === trigger) this._hovered = undefined;
    this._intent.cancel('show', trigger);
    if (this._card.trigger === trigger) void this._card.hide();
  }

  /** Called by the card as a show begins, whoever asked for it: a pending dwell or hide is overtaken. */
  showing(): void {
    this._intent.cancel();
  }

  /** Called by the card when a show was refused (`dszd-show` cancelled): the open card goes as if left. */
  refused(): void {
    this._scheduleHide();
  }

  /** Called by the card once its surface is shown: listens for dismissal until `closed()`. */
  opened(surface: HTMLElement): void {
    this._controller?.abort();
    const controller = new AbortController();
    this._controller = controller;
    const signal = controller.signal;
    const doc = this._card.ownerDocument;
    const listen = (target: EventTarget, type: string, handler: (event: never) => void, capture = false) => {
      const listener = guard(handler as (event: Event) => void, (error) =>
        reportError(this._card.trigger ?? this._card, error, 'card'),
      );
      target.addEventListener(type, listener, capture);
      // Removed by hand: the `signal` option of addEventListener is missing before Chrome 90 and Safari 15.
      signal.addEventListener('abort', () => target.removeEventListener(type, listener, capture), {
        once: true,
      });
    };
    listen(doc, 'keydown', (event: KeyboardEvent) => this._onDocumentKeydown(event), true);
    listen(doc, 'pointerdown', (event: Event) => this._onDocumentPointerDown(event), true);
    listen(surface, 'pointerenter', (event: PointerEvent) => this._onCardPointer(event, true));
    listen(surface, 'pointerleave', (event: PointerEvent) => this._onCardPointer(event, false));
    listen(surface, 'focusout', (event: FocusEvent) => this._closeUnlessKept(event.relatedTarget));
  }

  /**
   * Called by the card as it closes (and before each show): nothing pending, no listener left. With `returnFocus`,
   * focus inside the card goes back to that term.
   */
  closed(returnFocus?: CardTrigger): void {
    this._intent.cancel();
    this._controller?.abort();
    this._controller = undefined;
    this._pointerOnCard = false;
    if (returnFocus?.isConnected && this._card.shadowRoot?.activeElement) {
      // Handing focus back must not reopen the card through the term's focus handler.
      this._returningFocusTo = returnFocus;
      try {
        returnFocus.focus({ preventScroll: true });
      } finally {
        this._returningFocusTo = undefined;
      }
    }
  }

  private _onDocumentKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.isComposing || !this._card.open) return;
    // Escape belongs to the topmost layer: ours. A host dialog underneath stays open.
    event.preventDefault();
    void this._card.hide({ returnFocus: true });
  }

  private _onDocumentPointerDown(event: Event): void {
    const path = event.composedPath();
    if (path.includes(this._card) || this._card.trigger?.pieces.some((piece) => path.includes(piece))) return;
    void this._card.hide();
  }

  private _onCardPointer(event: PointerEvent, entered: boolean): void {
    if (event.pointerType === 'touch') return;
    this._pointerOnCard = entered;
    if (entered) this._intent.cancel();
    else this._scheduleHide();
  }

  private _closeUnlessKept(next: EventTarget | null): void {
    const trigger = this._card.trigger;
    if (!this._card.open || !trigger) return;
    if (
      next instanceof Node &&
      (this._isInCard(next) || trigger.pieces.some((piece) => piece.contains(next)))
    )
      return;
    // Switching windows blurs too; the card should still be there on return.
    if (!this._card.ownerDocument.hasFocus()) return;
    if (this._hovered === trigger || this._pointerOnCard) return;
    void this._card.hide();
  }

  private _scheduleHide(): void {
    const trigger = this._card.trigger;
    if (!this._card.open || !trigger || this._hovered === trigger || this._pointerOnCard) return;
    // Focus on the term or in the card keeps it open (WCAG 1.4.13: persistent while focused).
    if (this._card.shadowRoot?.activeElement || hasFocusWithin(trigger)) return;
    this._intent.schedule('hide', trigger.hideDelay, () => void this._card.hide());
  }

  private _isInCard(node: Node): boolean {
    for (let current: Node | null = node; current; current = composedParent(current))
      if (current === this._card) return true;
    return false;
  }
}

/** Whether focus is on the term or inside one of its pieces. */
function hasFocusWithin(trigger: CardTrigger): boolean {
  const active = (trigger.getRootNode() as Document | ShadowRoot).activeElement;
  return !!active && trigger.pieces.some((piece) => piece === active || piece.contains(active));
}
