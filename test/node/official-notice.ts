// Reads the official notice 《数字社会定义集（6.0版）》, the single source of truth the data is checked against.
// This parser is deliberately independent of src/definitions/compile.ts: a test that shared the compiler's code
// could not catch the compiler's mistakes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The notice as copied beside the repository (`../shared/seeds/…`), or `DSZD_NOTICE_PATH`. */
export const noticePath =
  process.env.DSZD_NOTICE_PATH || resolve(repoRoot, '..', 'shared', 'seeds', '000_efb5c9d05d9bf720.txt');

/** One row of the notice's table, with a row split by a page break already joined. */
export interface NoticeRow {
  serial: number;
  term: string;
  /** The 定义 cell as paragraphs: `<p>` markup removed, each trimmed, in printed order (notes included). */
  paragraphs: string[];
  unit: string;
}

export interface OfficialNotice {
  /** The whole file, as printed. */
  text: string;
  issuer: string;
  /** The notice's own title line (…的通知). */
  noticeTitle: string;
  /** The date line 2022年4月12日 as YYYY-MM-DD. */
  date: string;
  /** The table heading 数字社会定义集（6.0版）, split. */
  title: string;
  version: string;
  rows: NoticeRow[];
}

const HEADER = ['序号', '名词名称', '定义', '解释单位'];

/** Splits a 定义 cell into paragraphs; cells are either `<p>…</p> <p>…</p>` or plain text. */
export function splitParagraphs(cell: string): string[] {
  const paragraphs = cell
    .split(/<\/?p>/)
    .map((p) => p.trim())
    .filter(Boolean);
  const markup = paragraphs.find((p) => /<[^>]*>/.test(p));
  if (markup !== undefined) throw new Error(`notice: markup other than <p> in “${markup}”`);
  return paragraphs;
}

export function parseNotice(text: string): OfficialNotice {
  const lines = text.split(/\r?\n/);
  const nonEmpty = lines.map((l) => l.trim()).filter(Boolean);
  const rows: NoticeRow[] = [];
  let headers = 0;
  lines.forEach((line, index) => {
    if (!line.includes('\t')) return;
    const cells = line.split('\t');
    const where = `notice line ${index + 1}`;
    if (cells.length !== 4)
      throw new Error(`${where}: expected 4 tab-separated cells, found ${cells.length}`);
    const [serial = '', term = '', definition = '', unit = ''] = cells.map((c) => c.trim());
    if (serial === HEADER[0]) {
      if (cells.join('|') !== HEADER.join('|')) throw new Error(`${where}: unexpected table header`);
      headers++;
      return;
    }
    if (serial === '' && term === '') {
      // A page break cut the previous row: the continuation goes on with the paragraph that was cut.
      const previous = rows.at(-1);
      if (!previous) throw new Error(`${where}: continuation row before any entry`);
      if (unit !== '' && unit !== previous.unit)
        throw new Error(`${where}: continuation row with another unit`);
      const [first = '', ...rest] = splitParagraphs(definition);
      const last = previous.paragraphs.length - 1;
      previous.paragraphs[last] = `${previous.paragraphs[last] ?? ''}${first}`;
      previous.paragraphs.push(...rest);
      return;
    }
    if (!/^\d+$/.test(serial)) throw new Error(`${where}: 序号 “${serial}” is not a number`);
    rows.push({ serial: Number(serial), term, paragraphs: splitParagraphs(definition), unit });
  });
  if (headers === 0) throw new Error('notice: no table header 序号/名词名称/定义/解释单位 found');

  const noticeTitle = nonEmpty.find((l) => l.endsWith('的通知'));
  const dateLine = nonEmpty.map((l) => /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(l)).find(Boolean);
  const heading = nonEmpty.map((l) => /^(.+)（(.+)版）$/.exec(l)).find(Boolean);
  if (!noticeTitle || !dateLine || !heading || !nonEmpty[0])
    throw new Error('notice: title, date or heading missing');
  const pad = (n: string | undefined) => (n ?? '').padStart(2, '0');
  return {
    text,
    issuer: nonEmpty[0],
    noticeTitle,
    date: `${dateLine[1]}-${pad(dateLine[2])}-${pad(dateLine[3])}`,
    title: heading[1] ?? '',
    version: heading[2] ?? '',
    rows,
  };
}

/** Reads and parses the notice; a missing file fails with a message that says where it was looked for. */
export function readNotice(): OfficialNotice {
  let text: string;
  try {
    text = readFileSync(noticePath, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read the official notice at ${noticePath} (${(error as NodeJS.ErrnoException).code ?? String(error)}); ` +
        'place shared/ beside the repository or set DSZD_NOTICE_PATH',
      { cause: error },
    );
  }
  return parseNotice(text);
}

/** Quote marks the notice and the data use. */
export const QUOTES = /[“”‘’「」『』"'＂＇]/g;

export function stripQuotes(text: string): string {
  return text.replace(QUOTES, '');
}

export function stripSpace(text: string): string {
  return text.replace(/\s+/gu, '');
}
