/**
 * Puts text on the clipboard: the Clipboard API where the page may use it, else a hidden textarea and
 * execCommand('copy') (older WebViews, and pages without clipboard permission). Resolves to whether it worked.
 * `origin` is the control used: the textarea goes beside it (inside a modal dialog the rest of the page is inert)
 * and focus returns to it.
 */
export async function copyText(text: string, origin: HTMLElement): Promise<boolean> {
  const clipboard = origin.ownerDocument.defaultView?.navigator.clipboard;
  try {
    if (clipboard?.writeText) {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied or unavailable (no user activation, insecure context, permissions policy): try the old way.
  }
  return copyWithTextarea(text, origin);
}

function copyWithTextarea(text: string, origin: HTMLElement): boolean {
  const doc = origin.ownerDocument;
  const area = doc.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  // Off screen but selectable; fixed so selecting it does not scroll the page.
  area.style.cssText = 'position:fixed;top:0;left:-9999px;width:1px;height:1px;opacity:0;';
  (origin.parentNode ?? doc.body).appendChild(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    // Focus back first: removing a focused element drops focus to the body, which closes a card.
    origin.focus({ preventScroll: true });
    area.remove();
  }
}
