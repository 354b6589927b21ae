/** The languages the card's own words (labels, buttons) come in. Definitions are always shown as printed. */
export type CardLang = 'zh-CN' | 'en';

/** zh-CN is the default: the glossary and its readers are Chinese. */
export const DEFAULT_CARD_LANG: CardLang = 'zh-CN';

/**
 * The card language a BCP 47 tag asks for: `en`, `en-GB` → `en`; `zh`, `zh-Hans-CN` → `zh-CN`; anything else
 * (empty, unknown) → undefined, so the caller falls back to the page-wide setting.
 */
export function parseCardLang(tag: string | null | undefined): CardLang | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'en') return 'en';
  if (primary === 'zh') return 'zh-CN';
  return undefined;
}
