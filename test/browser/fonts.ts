import set from '../../data/definition-set.json';

/**
 * The CJK web font of the layout tests and screenshots: Noto Sans SC from the devDependency `@fontsource/noto-sans-sc`,
 * served by the test runner from node_modules. Its stylesheet declares one `@font-face` per unicode-range subset,
 * so the browser fetches only the subsets of the characters asked for.
 */
export const TEST_FONT_FAMILY = 'Noto Sans SC';
export const TEST_FONT_STYLESHEET = '/node_modules/@fontsource/noto-sans-sc/400.css';

/** Every character the definition set can show in a card (terms, aliases, definitions, notes, units, titles). */
const SET_TEXT = JSON.stringify(set);

let loaded: Promise<void> | undefined;

/**
 * Makes the page draw every CJK glyph from the test font, with the same metrics on every machine whatever fonts the
 * system has: adds the stylesheet, sets the font on the page and in the card, loads the subsets covering the
 * definition set and `text`, and waits for `document.fonts.ready`. Throws when the font did not load: a test that
 * measures text must not silently measure fallback boxes.
 */
export function useTestFont(text = ''): Promise<void> {
  loaded ??= (async () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = TEST_FONT_STYLESHEET;
    const linked = new Promise<void>((resolve, reject) => {
      link.addEventListener('load', () => resolve(), { once: true });
      link.addEventListener('error', () =>
        reject(new Error(`test font stylesheet ${TEST_FONT_STYLESHEET} missing`)),
      );
    });
    document.head.append(link);
    await linked;
    const style = document.documentElement.style;
    style.fontFamily = `'${TEST_FONT_FAMILY}', sans-serif`;
    style.setProperty('--dszd-card-font-family', `'${TEST_FONT_FAMILY}', sans-serif`);
  })();
  return loaded.then(async () => {
    const faces = await document.fonts.load(`400 16px '${TEST_FONT_FAMILY}'`, SET_TEXT + text);
    if (!faces.length) throw new Error(`the test font ${TEST_FONT_FAMILY} did not load`);
    await document.fonts.ready;
  });
}
