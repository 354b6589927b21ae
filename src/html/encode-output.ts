import iconv from 'iconv-lite';
import type { HtmlEncoding } from './encoding';
import { HtmlInputError } from './input-error';
import { applyInsertions, type Insertion } from './splice';

/**
 * Writes a tagged page back in its own encoding: the input's bytes copied unchanged between the insertions, the
 * inserted tags encoded in the page's encoding (characters it cannot hold written as `&#x…;`). So no byte of the
 * original is re-encoded, and a GBK page stays the same GBK bytes even where GBK has two encodings of a character.
 */
export function encodeAnnotated(
  bytes: Uint8Array,
  encoding: HtmlEncoding,
  text: string,
  insertions: readonly Insertion[],
): Uint8Array {
  if (!insertions.length) return bytes;
  const bom = bytes.subarray(0, encoding.bomLength);
  // UTF-8 and UTF-16 re-encode exactly what they decoded (invalid input was refused while decoding).
  if (encoding.name === 'utf-8') return concat([bom, Buffer.from(applyInsertions(text, insertions), 'utf8')]);
  if (encoding.name.startsWith('utf-16'))
    return concat([bom, iconv.encode(applyInsertions(text, insertions), encoding.name)]);
  const offsets = locateBytes(bytes, encoding, text, insertions);
  const parts: Uint8Array[] = [];
  let last = 0;
  insertions.forEach((insertion, i) => {
    parts.push(bytes.subarray(last, offsets[i]), encodeInsertion(insertion.text, encoding.name));
    last = offsets[i]!;
  });
  parts.push(bytes.subarray(last));
  return concat(parts);
}

/** Byte offset of each insertion's text offset. */
function locateBytes(
  bytes: Uint8Array,
  encoding: HtmlEncoding,
  text: string,
  insertions: readonly Insertion[],
): number[] {
  return encoding.name === 'gbk' || encoding.name === 'gb18030'
    ? locateGbBytes(bytes, encoding.bomLength, text, insertions)
    : locateByEncoding(bytes, encoding, text, insertions);
}

/**
 * GB18030 (and its subsets GBK, GB2312) is self-delimiting: a byte below 0x80, 0x80 or 0xFF stands alone; a lead
 * byte followed by a digit starts four bytes, otherwise two. Walking the bytes beside the decoded text gives exact
 * offsets without re-encoding anything.
 */
function locateGbBytes(
  bytes: Uint8Array,
  start: number,
  text: string,
  insertions: readonly Insertion[],
): number[] {
  const offsets: number[] = [];
  let byte = start;
  let unit = 0;
  for (const { offset } of insertions) {
    while (unit < offset) {
      const lead = bytes[byte]!;
      if (lead < 0x80 || lead === 0x80 || lead === 0xff) byte += 1;
      else {
        const next = bytes[byte + 1]!;
        byte += next >= 0x30 && next <= 0x39 ? 4 : 2;
      }
      const code = text.charCodeAt(unit);
      unit += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      if (byte > bytes.length) break;
    }
    if (unit !== offset || byte > bytes.length)
      throw new HtmlInputError('encoding', 'cannot locate the insertion points in the GB18030 bytes');
    offsets.push(byte);
  }
  return offsets;
}

/** Other encodings: re-encode each stretch and check it is the original's bytes, or refuse rather than alter them. */
function locateByEncoding(
  bytes: Uint8Array,
  encoding: HtmlEncoding,
  text: string,
  insertions: readonly Insertion[],
): number[] {
  const offsets: number[] = [];
  let byte = encoding.bomLength;
  let last = 0;
  for (const { offset } of insertions) {
    const stretch = iconv.encode(text.slice(last, offset), encoding.name);
    if (!stretch.equals(bytes.subarray(byte, byte + stretch.length)))
      throw new HtmlInputError(
        'encoding',
        `the ${encoding.label} bytes near byte ${byte} do not survive re-encoding; not tagged, to keep them exact`,
      );
    byte += stretch.length;
    last = offset;
    offsets.push(byte);
  }
  return offsets;
}

const insertionCache = new Map<string, Uint8Array>();

/** Encodes inserted markup; a character the encoding cannot hold becomes a character reference. */
function encodeInsertion(text: string, encoding: string): Uint8Array {
  const key = `${encoding}\u0000${text}`;
  let encoded = insertionCache.get(key);
  if (!encoded) {
    let safe = '';
    for (const char of text) {
      const roundTrip = iconv.decode(iconv.encode(char, encoding), encoding);
      safe += roundTrip === char ? char : `&#x${char.codePointAt(0)!.toString(16).toUpperCase()};`;
    }
    encoded = iconv.encode(safe, encoding);
    if (insertionCache.size > 1000) insertionCache.clear();
    insertionCache.set(key, encoded);
  }
  return encoded;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}
