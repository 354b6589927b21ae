/** The languages the card's own words (labels, buttons) come in. Definitions are always shown as printed. */
export type CardLang = 'zh-CN' | 'en';

/** The card's own words in one language. */
export interface CardLabels {
  /** Names the definition paragraphs for assistive technology. */
  definition: string;
  /** Names the （注：…） paragraphs. */
  notes: string;
  /** 解释单位: the unit responsible for the definition. */
  unit: string;
  /** Introduces the source line (title, version, issuer, date). */
  source: string;
  /** The link to the entry on the glossary page. */
  glossaryLink: string;
  /** The close button's accessible name. */
  close: string;
  /** The back button, after following a related term. */
  back: string;
  /** Introduces the related terms row (相关名词). */
  related: string;
  /** The button that shows or hides the unit's full name. */
  unitFullName: string;
  /** The copy button. */
  copy: string;
  /** Announced once the cited definition is on the clipboard. */
  copied: string;
  /** Announced when neither clipboard route worked. */
  copyFailed: string;
  /** Between a label and its value. */
  separator: string;
}

/** zh-CN is the default: the glossary and its readers are Chinese. */
export const DEFAULT_CARD_LANG: CardLang = 'zh-CN';

const LABELS: Readonly<Record<CardLang, Readonly<CardLabels>>> = {
  'zh-CN': {
    definition: '定义',
    notes: '注',
    unit: '解释单位',
    source: '来源',
    glossaryLink: '在术语表中查看',
    close: '关闭',
    back: '返回',
    related: '相关名词',
    unitFullName: '全称',
    copy: '复制',
    copied: '已复制定义及来源',
    copyFailed: '复制失败，请选中文字后复制',
    separator: '：',
  },
  en: {
    definition: 'Definition',
    notes: 'Notes',
    unit: 'Responsible unit',
    source: 'Source',
    glossaryLink: 'View in glossary',
    close: 'Close',
    back: 'Back',
    related: 'Related terms',
    unitFullName: 'Full name',
    copy: 'Copy',
    copied: 'Copied with its source',
    copyFailed: 'Could not copy: select the text to copy it',
    separator: ': ',
  },
};

/** The card's words in a language. */
export function getLabels(lang: CardLang): Readonly<CardLabels> {
  return LABELS[lang];
}

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
