import type { CardLang } from '../card/labels';

/** The words of the glossary's own interface, in the language of its `lang` (the entries stay as printed). */
export interface GlossaryLabels {
  /** BCP 47 tag of these words, set on them so screen readers pronounce them right inside Chinese content. */
  lang: string;
  search: string;
  aliases: string;
  notes: string;
  unit: string;
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
  colon: ': ',
  noMatches: 'No matches',
  count: (total) => (total === 1 ? '1 entry' : `${total} entries`),
};

/** The glossary's words in one of the card's languages (the glossary follows the same language rule). */
export function getGlossaryLabels(lang: CardLang): GlossaryLabels {
  return lang === 'en' ? english : chinese;
}
