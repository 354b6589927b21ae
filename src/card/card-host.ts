import { CARD_TAG, defineElement } from '../elements/define';
import { reportError } from '../events/error-event';
import { waitForNextFrame, yieldToEventLoop } from '../live/schedule';
import { DszdCard } from './dszd-card';
import { idleScheduler, runIdleSteps, type IdleScheduler } from './idle-steps';
import type { CardTrigger } from './trigger';

let shared: DszdCard | undefined;
/** The card the preparation made and rendered before it is in the page: the next getSharedCard connects it. */
let detached: DszdCard | undefined;
/** The steps left of the card's preparation: `removeSharedCard` empties it, which stops them. */
let preparing: Array<() => void> = [];
/** Steps for entries other than the first (related terms, notes): an intent that finishes the preparation skips them. */
let forLater: Array<() => void> = [];

/**
 * The page's one card: created (and appended to `<body>`) on first use, then reused by every term. A page with
 * thousands of terms still holds one card. Safe to call repeatedly; a card removed by the page is replaced.
 */
export function getSharedCard(doc: Document = document): DszdCard {
  if (shared?.isConnected && shared.ownerDocument === doc) return shared;
  defineElement(CARD_TAG, DszdCard);
  // A second copy of the library on the page shares the card the first one made.
  const existing = doc.querySelector<DszdCard>(`${CARD_TAG}[data-dszd-shared]`);
  if (existing) return (shared = existing);
  const card = detached?.ownerDocument === doc ? detached : createCard(doc);
  detached = undefined;
  card.id = uniqueId(doc);
  (doc.body ?? doc.documentElement).append(card);
  return (shared = card);
}

function createCard(doc: Document): DszdCard {
  defineElement(CARD_TAG, DszdCard);
  const card = doc.createElement(CARD_TAG) as DszdCard;
  card.setAttribute('data-dszd-shared', '');
  return card;
}

/** The card before it is in the page, made if there is none (and no card in the page yet). */
function findDetachedCard(doc: Document): DszdCard | undefined {
  if (shared?.isConnected) return undefined;
  return (detached ??= createCard(doc));
}

/**
 * Makes the page's card ahead of its first use, when the page is idle, so that the first tap only fills in its texts
 * and places it: each step a task's worth of work on a phone, in idle callbacks that respect their deadlines (see
 * runIdleSteps). A tap meanwhile opens the card as usual (a step finding it made or open skips its work);
 * `removeSharedCard` stops the steps left. Failures are reported, never thrown.
 */
export function prepareSharedCard(
  doc: Document = document,
  schedule: IdleScheduler = idleScheduler(doc.defaultView ?? window),
): void {
  preparing.length = 0;
  // the renders for other entries' templates: an intent that finishes the preparation skips them
  forLater = [() => getSharedCard(doc).prerender('related'), () => getSharedCard(doc).prerender('notes')];
  preparing = [
    // the card's styles as constructed style sheets (lit makes them on the first card's connection)
    () => DszdCard.prepareStyles(),
    // lit's rendering run on throwaway templates: the engine compiles lit's code here, not in the card's render
    () => DszdCard.prepareRendering(doc, 'text'),
    () => DszdCard.prepareRendering(doc, 'bindings'),
    // the card element, not yet in the page
    () => void findDetachedCard(doc),
    // its shadow root and empty shell rendered, still out of the page: lit prepares the shell's templates, and the
    // page lays out and restyles nothing
    () => findDetachedCard(doc)?.renderPending(),
    // then put in the page (where a page's observers see it), already rendered
    () => void getSharedCard(doc),
    // the closed card rendered with entries that need the texts' templates, one render per step (the first entry's
    // in three: its header, its texts, the rest)
    () => getSharedCard(doc).prerender('plain', 1),
    () => getSharedCard(doc).prerender('plain', 2),
    () => getSharedCard(doc).prerender('plain'),
    ...forLater,
  ];
  runIdleSteps(preparing, schedule, (error) => reportError(doc, error, 'card'));
}

/** The shared card if one exists, without creating it (leaving or blurring a term needs no card). */
export function findSharedCard(): DszdCard | undefined {
  return shared?.isConnected ? shared : undefined;
}

/**
 * An event on a term (a pointer's enter or leave, a finger's lift, a click, focus, blur, Enter or Space) for the
 * card service of the page's card (see CardService.handleTermEvent). Leaving or blurring a term needs no card and
 * makes none.
 */
export function handleTermEvent(piece: CardTrigger, event: Event): void {
  if (held) {
    held.push([piece, event]);
    return;
  }
  const leaving = event.type === 'pointerleave' || event.type === 'focusout';
  if (!leaving && preparing.length) {
    // The card is wanted before the page was idle long enough to make it: the steps left run now, a task each (all
    // at once were one long task on a phone), and this event and those after it are handled in order once they ran.
    held = [[piece, event]];
    void finishPreparing(piece.ownerDocument).then(() => {
      const events = held ?? [];
      held = undefined;
      for (const [each, later] of events) if (each.isConnected) handleTermEvent(each, later);
    });
    return;
  }
  (leaving ? findSharedCard() : getSharedCard(piece.ownerDocument))?.service.handleTermEvent(piece, event);
}

/** Terms' events that came while the preparation's steps left were run for an intent (see handleTermEvent). */
let held: Array<[CardTrigger, Event]> | undefined;

/**
 * Runs the preparation's steps left without waiting for idle time: one per task while the card is out of the page,
 * one per frame once it is in (the closed card is laid out, hidden: each frame lays out what one step rendered, and
 * the open that follows reads a clean layout), but for the renders of other entries' templates. Never rejects.
 */
async function finishPreparing(doc: Document): Promise<void> {
  // the card is wanted now: not other entries' templates (its own entry's are made as it opens)
  for (const step of forLater) if (preparing.includes(step)) preparing.splice(preparing.indexOf(step), 1);
  let ran = false;
  while (preparing.length) {
    // (the first one too: a task apart from the intent's own)
    await (shared?.isConnected ? waitForNextFrame() : yieldToEventLoop());
    try {
      preparing.shift()?.();
      ran = true;
    } catch (error) {
      preparing.length = 0;
      reportError(doc, error, 'card');
    }
  }
  // what the last step rendered is laid out in a frame, not by the open's first read
  if (ran && shared?.isConnected) await waitForNextFrame();
}

/** Opens the page's card for `trigger` (the first piece of its term) next to `anchor` (see DszdTerm.show). */
export async function showTerm(trigger: CardTrigger, anchor: HTMLElement): Promise<void> {
  await finishPreparing(anchor.ownerDocument);
  await getSharedCard(anchor.ownerDocument).show(trigger, { anchor });
}

/** Closes the card if it is open for `trigger` (see DszdTerm.hide). */
export function hideTerm(trigger: CardTrigger): void {
  const card = findSharedCard();
  if (card?.trigger === trigger) void card.hide();
}

/** A term is leaving the page: its card closes and its pending dwell goes (see CardService.release). */
export function releaseTerm(piece: CardTrigger): void {
  findSharedCard()?.service.release(piece);
}

/** Closes and removes the shared card; the next term to open creates a new one. */
export function removeSharedCard(): void {
  const card = shared;
  shared = undefined;
  detached = undefined;
  preparing.length = 0;
  held = undefined;
  void card?.hide();
  card?.remove();
}

function uniqueId(doc: Document): string {
  let id = 'dszd-card';
  for (let n = 2; doc.getElementById(id); n++) id = `dszd-card-${n}`;
  return id;
}
