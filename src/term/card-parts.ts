import { loadEntryTexts } from '../card/entry-texts';
import type { DefinitionEntry } from '../definitions/types';
import type { DszdTerm } from './dszd-term';
import { renderLater } from './render-later';

/**
 * What `<dszd-term>` needs only once its card can open: the definition as the term's accessible description, and
 * `setExpanded`, which the card calls. src/term/dszd-term.ts installs them as it loads. The drop-in script's first
 * stage has neither (its set has no definition texts yet, and no card opens before the card stage): its build swaps
 * this module for src/stages/deferred-card-parts.ts, the card stage installs them (src/stages/card-stage.ts),
 * and the terms already on the page re-render as it arrives (src/stages/card-stage.ts).
 */
export function installCardParts(Term: typeof DszdTerm): void {
  Object.assign(Term.prototype, { setExpanded, _describe: describe });
}

/** The members of the term these parts use (private to its class otherwise: they share its renamed names). */
interface TermInternals {
  readonly _part: HTMLSpanElement;
  _description?: HTMLSpanElement;
  _isExpanded: boolean;
  _highlight(on: boolean): void;
  requestUpdate(): void;
  readonly shadowRoot: ShadowRoot | null;
  readonly ownerDocument: Document;
}

/** Called by the card with itself as it opens, null as it closes: aria-expanded, each piece's highlight. */
function setExpanded(this: TermInternals, card: HTMLElement | null): void {
  this._isExpanded = !!card;
  this._highlight(!!card);
  // aria-controls cannot name an element outside the shadow root by id; element reflection can, where supported.
  const button = this._part;
  if ('ariaControlsElements' in button) button.ariaControlsElements = card && [card];
  this.requestUpdate();
}

// Each term's one call to render it again once its texts are there (asked for once however often it renders before).
const rerenders = new WeakMap<TermInternals, () => void>();

/**
 * The leader's definition (none for the other pieces and a plain term) as the description of its part: a hidden
 * span in the shadow root, which the part names by id. Without one (its texts not there yet) the part names none;
 * the drop-in's texts come in a file for the whole set (see entry-texts.ts), and the terms render again as they
 * arrive, a few at a time (renderLater: every term of the page at once was a long task on a phone).
 */
function describe(this: TermInternals, entry?: DefinitionEntry): void {
  const texts = entry && loadEntryTexts(entry, false);
  if (texts) {
    let rerender = rerenders.get(this);
    if (!rerender) rerenders.set(this, (rerender = () => this.requestUpdate()));
    void texts.then((loaded) => loaded && renderLater(rerender));
  }
  const description = entry ? entry.definition.join('\n') : '';
  let span = this._description;
  if (!span) {
    span = this._description = this.ownerDocument.createElement('span');
    span.id = 'description';
    span.hidden = true;
  }
  if (span.textContent !== description) span.textContent = description;
  if (!description) {
    span.remove();
    this._part.removeAttribute('aria-describedby');
    return;
  }
  if (span.parentNode !== this.shadowRoot) this.shadowRoot!.append(span);
  if (this._part.getAttribute('aria-describedby') !== span.id)
    this._part.setAttribute('aria-describedby', span.id);
}
