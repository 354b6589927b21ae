import iconv from 'iconv-lite';
import { HtmlInputError } from './input-error';

/** The encoding a page is read and written back in, and where that came from. */
export interface HtmlEncoding {
  /** Canonical name: utf-8, utf-16le, utf-16be, gbk, gb18030, or another encoding iconv-lite knows. */
  name: string;
  /** The label as found (`GB2312` in `<meta charset="GB2312">`), for messages. */
  label: string;
  /** bom: a byte order mark; meta: a `<meta>` declaration; option: the caller's fallback; default: UTF-8. */
  source: 'bom' | 'meta' | 'option' | 'default';
  /** Bytes of byte order mark at the start (kept when writing back). */
  bomLength: number;
}

// WHATWG Encoding labels for the encodings Chinese pages use; anything else is passed to iconv-lite as is.
const LABELS: ReadonlyMap<string, string> = new Map([
  ...['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8'].map(
    (label) => [label, 'utf-8'] as const,
  ),
  ...[
    'gbk',
    'gb2312',
    'chinese',
    'csgb2312',
    'csiso58gb231280',
    'gb_2312',
    'gb_2312-80',
    'iso-ir-58',
    'x-gbk',
  ].map((label) => [label, 'gbk'] as const),
  ['gb18030', 'gb18030'],
  ...['utf-16', 'utf-16le', 'ucs-2', 'unicode', 'unicodefeff', 'csunicode', 'iso-10646-ucs-2'].map(
    (label) => [label, 'utf-16le'] as const,
  ),
  ...['utf-16be', 'unicodefffe'].map((label) => [label, 'utf-16be'] as const),
  ...['us-ascii', 'ascii', 'iso-8859-1', 'latin1', 'l1', 'cp1252', 'windows-1252', 'x-cp1252'].map(
    (label) => [label, 'windows-1252'] as const,
  ),
  ...['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5'].map((label) => [label, 'big5'] as const),
]);

/** The canonical name of an encoding label, or null if neither the table nor iconv-lite knows it. */
export function resolveEncodingLabel(label: string): string | null {
  const key = label.trim().toLowerCase();
  const name = LABELS.get(key);
  if (name) return name;
  return key && iconv.encodingExists(key) ? key : null;
}

/**
 * Finds a page's encoding: a byte order mark first, then a `<meta charset>` or `<meta http-equiv content>`
 * declaration in the first 1024 bytes, then `fallback` (the --encoding option), else UTF-8.
 * The declaration wins over the fallback, so one run can read declared UTF-8 pages and undeclared GBK pages alike.
 */
export function detectEncoding(bytes: Uint8Array, fallback?: string): HtmlEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { name: 'utf-8', label: 'UTF-8 BOM', source: 'bom', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { name: 'utf-16le', label: 'UTF-16LE BOM', source: 'bom', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { name: 'utf-16be', label: 'UTF-16BE BOM', source: 'bom', bomLength: 2 };
  const declared = prescanMetaCharset(bytes);
  if (declared !== null) {
    const name = resolveEncodingLabel(declared);
    if (!name)
      throw new HtmlInputError(
        'encoding',
        `unknown encoding declared in <meta>: ${JSON.stringify(declared)}`,
      );
    // A page that reached a byte-oriented prescan cannot be UTF-16: the HTML standard reads it as UTF-8.
    const effective = name.startsWith('utf-16') ? 'utf-8' : name;
    return { name: effective, label: declared, source: 'meta', bomLength: 0 };
  }
  if (fallback !== undefined) {
    const name = resolveEncodingLabel(fallback);
    if (!name) throw new HtmlInputError('encoding', `unknown encoding: ${JSON.stringify(fallback)}`);
    return { name, label: fallback, source: 'option', bomLength: 0 };
  }
  return { name: 'utf-8', label: 'utf-8', source: 'default', bomLength: 0 };
}

/** The charset a page declares in a `<meta>` in its first 1024 bytes (comments skipped), or null. */
export function prescanMetaCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 1024));
  const tags = /<!--[\s\S]*?-->|<meta(?=[\s/])([^>]*)>/gi;
  for (let tag = tags.exec(head); tag; tag = tags.exec(head)) {
    if (tag[1] === undefined) continue;
    const attributes = readAttributes(tag[1]);
    const charset = attributes.get('charset');
    if (charset) return charset;
    const content = attributes.get('content');
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-type' && content) {
      const value = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(content);
      const found = value?.[1] ?? value?.[2] ?? value?.[3];
      if (found) return found;
    }
  }
  return null;
}

function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const name = match[1]!.toLowerCase();
    // the first of two same-named attributes counts, as in the parser
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192)
    text += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, bytes.length)));
  return text;
}

/** The name iconv-lite decodes with: GBK and GB2312 pages are read as GB18030, their superset. */
function decoderName(name: string): string {
  return name === 'gbk' ? 'gb18030' : name;
}

/**
 * Decodes a page (without its byte order mark). Throws {@link HtmlInputError} ("encoding") for bytes that are not
 * valid in the encoding rather than producing mojibake; undeclared non-UTF-8 text suggests --encoding gbk.
 */
export function decodeHtmlBytes(bytes: Uint8Array, encoding: HtmlEncoding): string {
  const body = bytes.subarray(encoding.bomLength);
  if (encoding.name === 'utf-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      const at = locateInvalidUtf8(body);
      const hint =
        encoding.source === 'default'
          ? 'no charset is declared; if the page is GBK, pass --encoding gbk'
          : `declared ${encoding.label}`;
      throw new HtmlInputError('encoding', `not valid UTF-8 at byte ${at + encoding.bomLength} (${hint})`);
    }
  }
  // iconv-lite drops a trailing odd byte of UTF-16 without a trace: refuse it, never lose it.
  if (encoding.name.startsWith('utf-16') && body.length % 2)
    throw new HtmlInputError(
      'encoding',
      `not valid ${encoding.label} (an odd number of bytes, ${body.length}: the last one is not a character)`,
    );
  const text = iconv.decode(
    Buffer.from(body.buffer, body.byteOffset, body.byteLength),
    decoderName(encoding.name),
    {
      stripBOM: false,
    },
  );
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0)
    throw new HtmlInputError(
      'encoding',
      `not valid ${encoding.label} (character ${bad + 1} does not decode); check the declared encoding or pass --encoding`,
    );
  return text;
}

function locateInvalidUtf8(bytes: Uint8Array): number {
  const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bad = lossy.indexOf('\uFFFD');
  return bad < 0 ? 0 : new TextEncoder().encode(lossy.slice(0, bad)).length;
}
