import type { CardLang } from './card-lang';

// the language itself is in card-lang.ts: the first stage needs it, the words only come with the card
export { DEFAULT_CARD_LANG, parseCardLang, type CardLang } from './card-lang';

/**
 * The library's own words in one language: the card's, the glossary's and the highlight-mode term index's, in one
 * table so that a word they share (注, 解释单位, 复制, the separator) is written once.
 */
export interface Labels {
  /** BCP 47 tag of these words, set on them so screen readers pronounce them right inside Chinese content. */
  lang: CardLang;
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
  /** The glossary's search field. */
  search: string;
  /** Introduces an entry's other names in the glossary. */
  aliases: string;
  /** Names the glossary's unit filter. */
  unitFilter: string;
  /** The unit filter's option for every unit. */
  allUnits: string;
  /** The glossary's search found nothing. */
  noMatches: string;
  /** The glossary's count of entries shown. */
  count(total: number): string;
  /** The highlight-mode term index's button, with the number of terms found. */
  indexToggle(count: number): string;
  /** The term index's list, for assistive technology. */
  indexRegion: string;
  /** The keys the term index answers to. */
  indexHint: string;
}

/** The card's words (the card reads the same table). */
export type CardLabels = Labels;

const LABELS: Readonly<Record<CardLang, Readonly<Labels>>> = {
  'zh-CN': {
    lang: 'zh-CN',
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
    search: '搜索术语',
    aliases: '别名',
    unitFilter: '解释单位',
    allUnits: '全部单位',
    noMatches: '无匹配',
    count: (total) => `${total} 条`,
    indexToggle: (count) => `术语解释（${count}）`,
    indexRegion: '本页术语解释',
    indexHint: 'Tab 或 ↑↓：逐个查看解释。Alt+↓ / Alt+↑：在正文中跳到下一处 / 上一处。Esc：关闭。',
  },
  en: {
    lang: 'en',
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
    search: 'Search terms',
    aliases: 'Also called',
    unitFilter: 'Responsible unit',
    allUnits: 'All units',
    noMatches: 'No matches',
    count: (total) => (total === 1 ? '1 entry' : `${total} entries`),
    indexToggle: (count) => `Term definitions (${count})`,
    indexRegion: 'Term definitions on this page',
    indexHint: 'Tab or ↑↓: each definition. Alt+↓ / Alt+↑: next / previous place in the text. Esc: close.',
  },
};

/** The library's words in a language. */
export function getLabels(lang: CardLang): Readonly<Labels> {
  return LABELS[lang];
}
