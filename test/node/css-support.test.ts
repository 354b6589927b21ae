// The shipped style sheets against the browsers the package supports (package.json `browserslist`: Chrome/Edge 80,
// Safari/iOS 14, Firefox 78). eslint-plugin-compat checks the scripts; this checks the CSS: doiuse (caniuse data) for
// features those browsers lack, and two rules doiuse cannot see: a focus ring is never taken away where
// :focus-visible is missing, and color-mix() (which it does not know) always has a fallback that holds.
import { readFileSync } from 'node:fs';
import doiuse from 'doiuse';
import postcss, { type Declaration, type Root } from 'postcss';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_RULES } from '../../src/annotate/highlight/highlight-styles';
import { termIndexStyles } from '../../src/annotate/highlight/dszd-term-index.styles';
import { cardStyles } from '../../src/card/dszd-card.styles';
import { glossaryStyles } from '../../src/glossary/dszd-glossary.styles';
import { termStyles } from '../../src/term/dszd-term.styles';

const SHEETS: Record<string, string> = {
  term: termStyles,
  card: cardStyles.cssText,
  glossary: glossaryStyles.cssText,
  'term index': termIndexStyles.cssText,
  highlight: HIGHLIGHT_RULES,
};

const { browserslist } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  browserslist: string[];
};

/**
 * Features some supported browser lacks (or supports in part), each with what happens there. A feature missing from
 * this list fails the test: decide what the older browsers do without it, then add it here.
 */
const KNOWN_GAPS: Record<string, string> = {
  'css-focus-visible':
    'only to take the ring away from pointer focus (`:focus:not(:focus-visible)`, after a `:focus` ring) or to ' +
    'style a ring the browser draws anyway; without it every focus shows the ring (checked below)',
  'flexbox-gap': 'Chrome 80–83 and Safari 14.0: the buttons of a row sit closer together; nothing overlaps',
  'css-logical-props':
    'partial before Chrome 87 / Safari 14.1: a half-em margin beside an icon or a number is lost',
  'intrinsic-width':
    'partial = fit-content and stretch; only max-content is used, supported unprefixed everywhere',
  'css-overflow': 'partial = overflow: clip and two values; only single keywords are used',
  'font-family-system-ui': 'Firefox 78–91: the next family of the list',
  'text-size-adjust': 'not in Firefox or desktop Safari, which do not inflate text anyway',
  'css-overscroll-behavior': 'Safari before 16: a long card scrolled to its end lets the page scroll on',
  'css-gradients':
    'partial = interpolation hints; only plain two-stop gradients are used (the scroll shadows)',
  'css-clip-path': 'partial = SVG shapes and boxes on HTML; only inset() is used, for visually hidden text',
  'css-masks': 'reported for clip-path: see css-clip-path',
  'css-display-contents':
    "partial = older browsers' accessibility of elements with display: contents; only the card's host, which has no role, uses it",
  'text-decoration': 'partial = thickness and the shorthand; the underline shows in every supported browser',
  'css-touch-action': 'Safari supports only auto and manipulation; only manipulation is used',
  'css-content-visibility':
    "a speed-up of the glossary's long list where it exists; nothing changes without it",
};

interface Usage {
  feature: string;
  message: string;
}

async function unsupported(css: string, from: string): Promise<Usage[]> {
  const found: Usage[] = [];
  await postcss([
    doiuse({
      browsers: browserslist,
      onFeatureUsage: (usage: { feature: string; message: string }) =>
        found.push({ feature: usage.feature, message: usage.message }),
    }),
  ]).process(css, { from: `${from}.css` });
  return found;
}

/** Whether a declaration takes the outline away. */
function removesOutline(declaration: Declaration): boolean {
  const value = declaration.value.trim().toLowerCase();
  return (
    (declaration.prop === 'outline' && /^(none|0(px)?)$/.test(value)) ||
    (declaration.prop === 'outline-style' && value === 'none') ||
    (declaration.prop === 'outline-width' && /^0(px)?$/.test(value))
  );
}

function parentAtRules(declaration: Declaration): string[] {
  const rules: string[] = [];
  for (let node = declaration.parent; node; node = node.parent as typeof node)
    if (node.type === 'atrule')
      rules.push(
        `@${(node as unknown as { name: string }).name} ${(node as unknown as { params: string }).params}`,
      );
  return rules;
}

function focusRingProblems(root: Root): string[] {
  const problems: string[] = [];
  root.walkDecls((declaration) => {
    if (!removesOutline(declaration) || declaration.parent?.type !== 'rule') return;
    for (const selector of (declaration.parent as unknown as { selectors: string[] }).selectors)
      if (/:focus(?!-)/.test(selector) && !/:not\(:focus-visible\)/.test(selector))
        problems.push(`${selector} { ${declaration.toString()} }: no ring where :focus-visible is missing`);
  });
  return problems;
}

function colorMixProblems(root: Root): string[] {
  const problems: string[] = [];
  root.walkDecls((declaration) => {
    if (!declaration.value.includes('color-mix(')) return;
    if (
      parentAtRules(declaration).some((rule) => rule.startsWith('@supports') && rule.includes('color-mix('))
    )
      return;
    // a plain declaration of the same property just before it holds where color-mix() does not parse — unless the
    // color-mix() sits inside var(): that parses everywhere and then makes the property unset
    const previous = declaration.prev();
    const fallback =
      previous?.type === 'decl' &&
      previous.prop === declaration.prop &&
      !previous.value.includes('color-mix(');
    if (fallback && !/var\([^)]*color-mix\(/.test(declaration.value)) return;
    problems.push(`${declaration.toString()}: no fallback where color-mix() is missing`);
  });
  return problems;
}

describe('style sheets on the supported browsers', () => {
  for (const [name, css] of Object.entries(SHEETS)) {
    it(`${name}: every feature a supported browser lacks is a known gap`, async () => {
      const unknown = (await unsupported(css, name)).filter((usage) => !(usage.feature in KNOWN_GAPS));
      expect(unknown.map((usage) => usage.message)).toEqual([]);
    });

    it(`${name}: a focus ring is taken away only where :focus-visible says so`, () => {
      expect(focusRingProblems(postcss.parse(css))).toEqual([]);
    });

    it(`${name}: color-mix() has a fallback that holds`, () => {
      expect(colorMixProblems(postcss.parse(css))).toEqual([]);
    });
  }

  it('the checks catch what they look for', async () => {
    expect(
      focusRingProblems(postcss.parse('.a:focus { outline: none } .a:focus-visible { outline: 2px solid }')),
    ).toHaveLength(1);
    expect(
      focusRingProblems(
        postcss.parse('.a:focus { outline: 2px solid } .a:focus:not(:focus-visible) { outline: none }'),
      ),
    ).toEqual([]);
    expect(
      colorMixProblems(
        postcss.parse('.a { color: red; color: var(--x, color-mix(in srgb, red 50%, blue)) }'),
      ),
    ).toHaveLength(1);
    expect(
      colorMixProblems(
        postcss.parse('.a { border: 1px solid gray; border: 1px solid color-mix(in srgb, red 50%, blue) }'),
      ),
    ).toEqual([]);
    expect(
      colorMixProblems(
        postcss.parse(
          '@supports (color: color-mix(in srgb, red 50%, red)) { .a { color: var(--x, color-mix(in srgb, red 50%, blue)) } }',
        ),
      ),
    ).toEqual([]);
    const gaps = await unsupported('.a { display: flex; gap: 4px } .b:has(.c) { color: red }', 'probe');
    expect(gaps.map((usage) => usage.feature)).toEqual(expect.arrayContaining(['flexbox-gap']));
    expect(gaps.some((usage) => !(usage.feature in KNOWN_GAPS))).toBe(true);
  });
});
