/** One entry of a compiled definition set, as shipped and as written to `dist/definitions.json`. */
export interface DefinitionEntry {
  /** 序号 as printed. */
  serial: number;
  /** 名词名称 exactly as printed, quotes included (e.g. `教育“一张图”`). */
  term: string;
  /** Other spellings that name this entry (quote-free forms, parts of compound `A+B` terms, names from the text). */
  aliases: string[];
  /** 定义: one string per paragraph, exactly as printed. */
  definition: string[];
  /** The （注：…） paragraphs, exactly as printed. */
  notes: string[];
  /** 解释单位 exactly as printed. */
  unit: string;
  /** The unit's full official name (浙江省发展和改革委员会 for 省发展改革委), when the set's units table gives it. */
  unitName?: string;
  /**
   * Serials of the entries this entry's definition and notes name, in order of first occurrence, itself excluded.
   * Always present in a compiled set; a hand-made set may leave it out (the card then finds them itself).
   */
  related?: number[];
}

/** A compiled definition set: what the matcher, the card, the glossary and the Node tools share. */
export interface DefinitionSet {
  title: string;
  version: string;
  issuer: string;
  /** Date of issue, YYYY-MM-DD. */
  date: string;
  /** Entries in serial order. */
  entries: DefinitionEntry[];
  /**
   * Phrases that contain an entry's characters but are not the entry (更多跨场景 is 更多 + 跨场景, not 多跨场景).
   * The matcher lets them win like a longer match and reports nothing. Absent in `dist/definitions.json`.
   */
  exclusions?: string[];
}

/** A phrase with the one-line reason it is in the source. */
export interface SourcePhrase {
  text: string;
  reason: string;
}

/** One record of the human-editable source (data/definition-set.json); see data/definition-set.schema.json. */
export interface SourceEntry {
  serial: number;
  term: string;
  definition: string[];
  notes?: string[];
  unit: string;
  aliases?: SourcePhrase[];
  exclusions?: SourcePhrase[];
}

/** One record of data/units.json (see data/units.schema.json): a unit as printed and its full name. */
export interface UnitRecord {
  printed: string;
  name: string;
  source:
    | { kind: 'notice'; quote: string; note?: string }
    | { kind: 'site'; url: string; note: string }
    | { kind: 'unconfirmed'; note: string };
  errata?: string[];
}

/** data/units.json: the units of a set's 解释单位 column. */
export interface UnitsSource {
  $schema?: string;
  description?: string;
  units: UnitRecord[];
}

/** The human-editable source of a definition set. */
export interface DefinitionSetSource {
  $schema?: string;
  title: string;
  version: string;
  issuer: string;
  date: string;
  noticeTitle?: string;
  entries: SourceEntry[];
}
