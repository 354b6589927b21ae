// The DOM helpers browser tests of every folder share (each folder's helpers.ts re-exports what it uses).

/** A container with `html`, attached to the document for one test. */
export function mount(html: string): HTMLDivElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

/** Resolves after `count` animation frames. */
export async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}
