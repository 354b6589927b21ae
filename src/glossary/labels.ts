import type { CardLang } from '../i18n/labels';

/** The words of the glossary's own interface, in the language of its `lang` (the entries stay as printed). */
export interface GlossaryLabels {
  /** BCP 47 tag of these words, set on them so screen readers pronounce them right inside Chinese content. */
  lang: string;
  search: string;
  aliases: string;
  notes: string;
  unit: string;
  /** Names the unit filter. */
  unitFilter: string;
  /** The filter's option for every unit. */
  allUnits: string;
  /** Introduces an entry's related terms (相关名词). */
  related: string;
  /** An entry's copy button. */
  copy: string;
  /** Announced once an entry's cited definition is on the clipboard. */
  copied: string;
  /** Announced when copying failed. */
  copyFailed: string;
  /** Between a label and its value. */
  colon: string;
  noMatches: string;
  count(total: number): string;
}

const chinese: GlossaryLabels = {
  lang: 'zh-CN',
  search: '搜索术语',
  aliases: '别名',
  notes: '注',
  unit: '解释单位',
  unitFilter: '解释单位',
  allUnits: '全部单位',
  related: '相关名词',
  copy: '复制',
  copied: '已复制定义及来源',
  copyFailed: '复制失败，请选中文字后复制',
  colon: '：',
  noMatches: '无匹配',
  count: (total) => `${total} 条`,
};

const english: GlossaryLabels = {
  lang: 'en',
  search: 'Search terms',
  aliases: 'Also called',
  notes: 'Notes',
  unit: 'Responsible unit',
  unitFilter: 'Responsible unit',
  allUnits: 'All units',
  related: 'Related terms',
  copy: 'Copy',
  copied: 'Copied with its source',
  copyFailed: 'Could not copy: select the text to copy it',
  colon: ': ',
  noMatches: 'No matches',
  count: (total) => (total === 1 ? '1 entry' : `${total} entries`),
};

/** The glossary's words in one of the card's languages (the glossary follows the same language rule). */
export function getGlossaryLabels(lang: CardLang): GlossaryLabels {
  return lang === 'en' ? english : chinese;
}
