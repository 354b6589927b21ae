// Fixture pages (test/browser/fixtures/iife/, or another folder's) loaded in an iframe: the built scripts on plain
// HTML pages, as a site has them.
import { resetMouse } from '@web/test-runner-commands';
import type { DszdTermGlobal } from '../../../src/auto';
import { hover } from './pointer';
import { waitForValue } from './timing';

/** What test/browser/fixtures/iife/record-log.js collects in the page. */
export interface PageLog {
  errors: string[];
  dszdErrors: string[];
  warnings: string[];
}

/** A page log with nothing in it: no error, no dszd-error, no warning. */
export const NO_LOG: PageLog = { errors: [], dszdErrors: [], warnings: [] };

type FixtureWindow = Window &
  typeof globalThis & {
    dszdTerm?: DszdTermGlobal;
    __dszdTestLog: PageLog;
    /** What test/browser/fixtures/iife/csp-log.js records: each Content-Security-Policy violation. */
    __dszdCspViolations?: string[];
  };

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

/**
 * Loads a fixture page (the built script tag and nothing else of ours) and waits for its load event. `name` may
 * carry a query (`set.html?set=…`, see set-files.mjs); `folder` is where the page is served from.
 */
export async function openFixture(name: string, folder = FIXTURES): Promise<Fixture> {
  const [file, query] = name.split('?');
  const url = `${folder}${file}.html${query === undefined ? '' : `?${query}`}`;
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
  const annotation = await waitForValue(() => win.dszdTerm?.annotation, 'window.dszdTerm.annotation');
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

/** The Content-Security-Policy violations the page recorded (its csp-log.js). */
export function cspViolations({ win }: Fixture): string[] {
  return win.__dszdCspViolations!;
}

/** The page's card surface (the popover in its shared card), if the card is there. */
export function frameCardSurface({ doc }: Fixture): HTMLElement | null | undefined {
  return doc.querySelector('dszd-card')?.shadowRoot?.querySelector<HTMLElement>('[part~="card"]');
}

/** The page's shared card surface once it is open and shown in the top layer. */
export async function waitForOpenCard(page: Fixture): Promise<HTMLElement> {
  return waitForValue(() => {
    const surface = frameCardSurface(page);
    if (!surface?.matches(':popover-open')) return undefined;
    const style = getComputedStyle(surface);
    const rect = surface.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && rect.width > 0 && rect.height > 0
      ? surface
      : undefined;
  }, 'the card to open');
}

/** Moves the real mouse onto `term` in the page and waits until its card is open; resolves with the card surface. */
export async function hoverCard(page: Fixture, term: Element): Promise<HTMLElement> {
  await hover(term, page.iframe);
  return waitForOpenCard(page);
}
