import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { DszdTermGlobal } from '../../../src/auto';

/** What test/browser/fixtures/iife/record-log.js collects in the page. */
export interface PageLog {
  errors: string[];
  dszdErrors: string[];
  warnings: string[];
}

type FixtureWindow = Window & typeof globalThis & { dszdTerm?: DszdTermGlobal; __dszdTestLog: PageLog };

/** A fixture page loaded in an iframe at the top left corner of the test page. */
export interface Fixture {
  iframe: HTMLIFrameElement;
  win: FixtureWindow;
  doc: Document;
  /** The page's body as the HTML file has it, before any script ran. */
  originalBody: string;
  /** The text of that body. */
  originalText: string;
}

const FIXTURES = '/test/browser/fixtures/iife/';
const opened: HTMLIFrameElement[] = [];

/** Polls until `read` gives something truthy; fails naming `what` if it never does. */
export async function waitFor<T>(read: () => T | null | undefined | false, what: string): Promise<T> {
  // generous: a busy shared machine is slow; the assertions are on results, never on how fast they came
  const deadline = performance.now() + 15_000;
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Loads a fixture page (the built script tag and nothing else of ours) and waits for its load event. */
export async function openFixture(name: string): Promise<Fixture> {
  const url = `${FIXTURES}${name}.html`;
  const source = await (await fetch(url)).text();
  const { body } = new DOMParser().parseFromString(source, 'text/html');
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'position:fixed;left:0;top:0;width:760px;height:560px;border:0;margin:0;padding:0';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = url;
  document.body.append(iframe);
  opened.push(iframe);
  await loaded;
  const win = iframe.contentWindow as FixtureWindow;
  return {
    iframe,
    win,
    doc: iframe.contentDocument!,
    originalBody: body.innerHTML,
    originalText: body.textContent!,
  };
}

/** Waits until the page's automatic annotation has finished its first pass. */
export async function waitForAnnotation({ win }: Fixture): Promise<void> {
  const annotation = await waitFor(() => win.dszdTerm?.annotation, 'window.dszdTerm.annotation');
  await annotation.done;
}

/** Removes the fixture iframes and puts the mouse back. */
export async function closeFixtures(): Promise<void> {
  for (const iframe of opened.splice(0)) iframe.remove();
  await resetMouse();
}

/** The texts of the `<dszd-term>` elements in an element (or the whole page), in document order. */
export function termTexts(scope: ParentNode): string[] {
  return [...scope.querySelectorAll('dszd-term')].map((term) => term.textContent ?? '');
}

/** Moves the real mouse onto an element inside the fixture iframe. */
export async function hover(fixture: Fixture, element: Element): Promise<void> {
  const frame = fixture.iframe.getBoundingClientRect();
  const rect = element.getClientRects()[0] ?? element.getBoundingClientRect();
  await sendMouse({
    type: 'move',
    position: [
      Math.round(frame.left + rect.left + rect.width / 2),
      Math.round(frame.top + rect.top + rect.height / 2),
    ],
  });
}

/** The page's shared card surface once it is open and shown in the top layer. */
export async function waitForOpenCard({ doc }: Fixture): Promise<HTMLElement> {
  return waitFor(() => {
    const surface = doc.querySelector('dszd-card')?.shadowRoot?.querySelector<HTMLElement>('[part~="card"]');
    if (!surface?.matches(':popover-open')) return undefined;
    const style = getComputedStyle(surface);
    const rect = surface.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && rect.width > 0 && rect.height > 0
      ? surface
      : undefined;
  }, 'the card to open');
}

/** A part of an open card by name. */
export function cardPart(surface: HTMLElement, name: string): HTMLElement | null {
  return surface.querySelector<HTMLElement>(`[part~="${name}"]`);
}
