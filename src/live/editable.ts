import { DOCUMENT_NODE, guard } from './dom';
import { isEditable } from './is-editable';

/**
 * Inline editors (a CMS's contenteditable, `document.designMode = 'on'`) save the DOM they edit: a wrapper left in
 * editable content would be saved into the article, and healing a text node under the caret would move the caret.
 * So editable content is never annotated: when the root or an ancestor becomes editable the annotation unwraps
 * and waits; an element under the root that becomes editable is unwrapped (the skip rules keep it so); either
 * resumes when the content is no longer editable. The caret and selection are kept across the unwrapping.
 */

/** While paused by designMode (which no event reports), how often it is read again. */
const DESIGN_MODE_POLL_MS = 500;
// The events before or around an edit: an editor is found editable before its first keystroke lands.
const EVENTS = ['beforeinput', 'focusin', 'selectionchange', 'pointerdown'] as const;

export interface EditWatchOptions {
  root: Node;
  /** Content under `scope` became editable: take the annotation out of it (see `keepSelection`). */
  onEditable(scope: ParentNode): void;
  /** `scope` is not editable any more: annotate it again. */
  onEditableEnd(scope: Node): void;
  onError(error: unknown): void;
}

/** Watches whether the root (or content under it) is editable. */
export class EditWatch {
  private readonly _options: EditWatchOptions;
  private readonly _doc: Document;
  private readonly _observer: MutationObserver;
  private readonly _check = guard(
    () => this.check(),
    (error) => this._options.onError(error),
  );
  private _paused: boolean;
  private _poll: ReturnType<typeof setInterval> | undefined;

  constructor(options: EditWatchOptions) {
    this._options = options;
    const root = options.root;
    this._doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
    this._paused = isEditable(root, this._doc);
    this._observer = new MutationObserver(
      guard(
        (records: MutationRecord[]) => this._onAttributes(records),
        (error) => this._options.onError(error),
      ),
    );
    this._observer.observe(this._doc, {
      attributes: true,
      attributeFilter: ['contenteditable'],
      subtree: true,
    });
    for (const type of EVENTS) this._doc.addEventListener(type, this._check, true);
    this._updatePoll();
  }

  /** Whether the root is editable now: nothing is annotated under it. */
  get paused(): boolean {
    return this._paused;
  }

  /** Reads the root's editability again; unwraps or resumes when it changed. */
  check(): void {
    const editable = isEditable(this._options.root, this._doc);
    if (editable === this._paused) return;
    this._paused = editable;
    this._updatePoll();
    if (editable) this._options.onEditable(this._options.root as ParentNode);
    else this._options.onEditableEnd(this._options.root);
  }

  disconnect(): void {
    this._observer.disconnect();
    for (const type of EVENTS) this._doc.removeEventListener(type, this._check, true);
    clearInterval(this._poll);
    this._poll = undefined;
  }

  private _onAttributes(records: readonly MutationRecord[]): void {
    const root = this._options.root;
    let rootChanged = false;
    for (const record of records) {
      const element = record.target as Element;
      if (element === root || element.contains(root) || !root.contains(element)) rootChanged = true;
      else if (!this._paused) {
        if (element.isConnected && isEditableAttribute(element)) this._options.onEditable(element);
        else this._options.onEditableEnd(element);
      }
    }
    // An ancestor's attribute (or one in another shadow tree, for a root inside one): read the root again.
    if (rootChanged) this.check();
  }

  private _updatePoll(): void {
    const polling = this._paused && this._doc.designMode === 'on';
    if (polling && this._poll === undefined) this._poll = setInterval(this._check, DESIGN_MODE_POLL_MS);
    if (!polling && this._poll !== undefined) {
      clearInterval(this._poll);
      this._poll = undefined;
    }
  }
}

export function isEditableAttribute(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}
