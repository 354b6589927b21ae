import iconv from 'iconv-lite';
import type { HtmlEncoding } from './encoding';
import { HtmlInputError } from './input-error';
import { applyInsertions } from './splice';

/**
 * Writes a tagged page back in its own encoding: the input's bytes copied unchanged between the insertions, the
 * inserted tags encoded in the page's encoding (characters it cannot hold written as `&#x…;`). So no byte of the
 * original is re-encoded, and a GBK page stays the same GBK bytes even where GBK has two encodings of a character.
 */
export function encodeAnnotated(
  bytes: Uint8Array,
  encoding: HtmlEncoding,
  text: string,
  offsets: readonly number[],
  tags: readonly string[],
): Uint8Array {
  if (!offsets.length) return bytes;
  // UTF-16 re-encodes exactly what it decoded (invalid input was refused while decoding).
  if (encoding.name.startsWith('utf-16'))
    return concat([
      bytes.subarray(0, encoding.bomLength),
      iconv.encode(applyInsertions(text, offsets, tags), encoding.name),
    ]);
  return spliceBytes(bytes, locateBytes(bytes, encoding, text, offsets), tags, encoding.name);
}

/**
 * The input's bytes with each insertion's encoded text spliced in at its byte offset, written into one buffer of the
 * final size: no tagged copy of the page as a string, no list of slices.
 */
function spliceBytes(
  bytes: Uint8Array,
  byteOffsets: readonly number[],
  tags: readonly string[],
  encoding: string,
): Uint8Array {
  const encoded = new Map<string, Uint8Array>();
  const encode = (text: string) => {
    let result = encoded.get(text);
    if (!result) encoded.set(text, (result = encodeInsertion(text, encoding)));
    return result;
  };
  let size = bytes.length;
  for (const tag of tags) size += encode(tag).length;
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const output = Buffer.allocUnsafe(size);
  let written = 0;
  let last = 0;
  tags.forEach((tag, i) => {
    written += source.copy(output, written, last, byteOffsets[i]);
    const encodedTag = encode(tag);
    output.set(encodedTag, written);
    written += encodedTag.length;
    last = byteOffsets[i]!;
  });
  source.copy(output, written, last);
  return output;
}

/** The byte offset of each text offset (UTF-16 units). */
function locateBytes(
  bytes: Uint8Array,
  encoding: HtmlEncoding,
  text: string,
  offsets: readonly number[],
): number[] {
  if (encoding.name === 'utf-8') return locateUtf8Bytes(encoding.bomLength, text, offsets);
  return encoding.name === 'gbk' || encoding.name === 'gb18030'
    ? locateGbBytes(bytes, encoding.bomLength, text, offsets)
    : locateByEncoding(bytes, encoding, text, offsets);
}

/** UTF-8 re-encodes exactly what it decoded (invalid input was refused while decoding): count each unit's bytes. */
function locateUtf8Bytes(start: number, text: string, offsets: readonly number[]): number[] {
  const byteOffsets: number[] = [];
  let byte = start;
  let unit = 0;
  for (const offset of offsets) {
    for (; unit < offset; unit++) {
      const code = text.charCodeAt(unit);
      // a surrogate pair is four bytes: two for each half
      byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
    }
    byteOffsets.push(byte);
  }
  return byteOffsets;
}

/**
 * GB18030 (and its subsets GBK, GB2312) is self-delimiting: a byte below 0x80, 0x80 or 0xFF stands alone; a lead
 * byte followed by a digit starts four bytes, otherwise two. Walking the bytes beside the decoded text gives exact
 * offsets without re-encoding anything.
 */
function locateGbBytes(bytes: Uint8Array, start: number, text: string, offsets: readonly number[]): number[] {
  const byteOffsets: number[] = [];
  let byte = start;
  let unit = 0;
  for (const offset of offsets) {
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
    byteOffsets.push(byte);
  }
  return byteOffsets;
}

/** Other encodings: re-encode each stretch and check it is the original's bytes, or refuse rather than alter them. */
function locateByEncoding(
  bytes: Uint8Array,
  encoding: HtmlEncoding,
  text: string,
  offsets: readonly number[],
): number[] {
  const byteOffsets: number[] = [];
  let byte = encoding.bomLength;
  let last = 0;
  for (const offset of offsets) {
    const stretch = iconv.encode(text.slice(last, offset), encoding.name);
    if (!stretch.equals(bytes.subarray(byte, byte + stretch.length)))
      throw new HtmlInputError(
        'encoding',
        `the ${encoding.label} bytes near byte ${byte} do not survive re-encoding; not tagged, to keep them exact`,
      );
    byte += stretch.length;
    last = offset;
    byteOffsets.push(byte);
  }
  return byteOffsets;
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
