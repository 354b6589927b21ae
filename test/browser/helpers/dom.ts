// Putting test content on the page and taking it off, and watching what changes there.

/** A container with `html`, attached to the document for one test. */
export function mount(html: string): HTMLDivElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

/** Removes every container `mount` (or a test) put directly in the body. */
export function unmountAll(): void {
  document.querySelectorAll('body > div').forEach((element) => element.remove());
}

/** Records every mutation under `root` (attributes and text included) until stopped. */
export function recordMutations(root: Node): { records: MutationRecord[]; stop: () => MutationRecord[] } {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((found) => records.push(...found));
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  return {
    records,
    stop: () => {
      records.push(...observer.takeRecords());
      observer.disconnect();
      return records;
    },
  };
}

/** A new paragraph of `text` at the end of `parent` (in the parent's own document: a fixture frame has its own). */
export function appendParagraph(parent: Element, text: string): HTMLParagraphElement {
  const p = parent.ownerDocument.createElement('p');
  p.textContent = text;
  parent.append(p);
  return p;
}
