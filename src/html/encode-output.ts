import iconv from 'iconv-lite';
import type { HtmlEncoding } from './encoding';
import { HtmlInputError } from './input-error';
import type { InsertionList } from './insertion-list';

/**
 * Writes a tagged page back in its own encoding: the input's bytes copied unchanged between the insertions, the
 * inserted tags encoded in the page's encoding (characters it cannot hold written as `&#x…;`). So no byte of the
 * original is re-encoded, and a GBK page stays the same GBK bytes even where GBK has two encodings of a character.
 */
export function encodeAnnotated(
  bytes: Uint8Array,
  encoding: HtmlEncoding,
  text: string,
  insertions: InsertionList,
): Uint8Array {
  if (!insertions.length) return bytes;
  // one chunk of exactly the output's size: no tagged copy of the page as a string, no list of slices
  const [output] = encodeAnnotatedChunks(bytes, encoding, text, insertions, Infinity);
  return output!;
}

/**
 * {@link encodeAnnotated} as chunks of `chunkSize` bytes (the last one shorter), each a new buffer, so a caller that
 * writes each chunk before taking the next never holds the tagged page whole. The insertions are located (and a
 * page whose bytes would not survive is refused with {@link HtmlInputError}) before the first chunk is handed out.
 * `chunkSize` Infinity gives one chunk of the output's exact size.
 */
export function encodeAnnotatedChunks(
  bytes: Uint8Array,
  encoding: HtmlEncoding,
  text: string,
  insertions: InsertionList,
  chunkSize = 1 << 20,
): Iterable<Uint8Array> {
  const count = insertions.length;
  if (!count) return [bytes];
  // UTF-16 re-encodes exactly what it decoded (invalid input was refused while decoding); unit by unit, so a stretch
  // encodes to the same bytes alone as inside the whole.
  if (encoding.name.startsWith('utf-16')) {
    const encode = (piece: string) => iconv.encode(piece, encoding.name);
    let size = encoding.bomLength + 2 * text.length;
    for (let i = 0; i < count; i++) size += 2 * insertions.textAt(i).length;
    let last = 0;
    return writeChunks(
      size,
      chunkSize,
      count,
      bytes.subarray(0, encoding.bomLength),
      (i) => {
        const offset = insertions.offsetAt(i);
        const stretch = encode(text.slice(last, offset));
        last = offset;
        return [stretch, encode(insertions.textAt(i))];
      },
      () => encode(text.slice(last)),
    );
  }
  const byteOffsets = locateBytes(bytes, encoding, text, insertions);
  // each tag's markup encoded once, by its index in the list's texts
  const encoded = insertions.texts.map((tag) => encodeInsertion(tag, encoding.name));
  let size = bytes.length;
  for (let i = 0; i < count; i++) size += encoded[insertions.tagAt(i)]!.length;
  let previous = 0;
  return writeChunks(
    size,
    chunkSize,
    count,
    new Uint8Array(0),
    (i) => {
      const stretch = bytes.subarray(previous, byteOffsets[i]);
      previous = byteOffsets[i]!;
      return [stretch, encoded[insertions.tagAt(i)]!];
    },
    () => bytes.subarray(previous),
  );
}

/**
 * The output as chunks: `head`, then for each insertion i (in order) the pieces `pieces(i)` gives, then `tail()`,
 * copied into new buffers of `chunkSize` bytes (the last one shorter; `size` bytes in all).
 */
function* writeChunks(
  size: number,
  chunkSize: number,
  count: number,
  head: Uint8Array,
  pieces: (i: number) => readonly Uint8Array[],
  tail: () => Uint8Array,
): Generator<Uint8Array> {
  let remaining = size;
  let chunk = Buffer.allocUnsafe(Math.min(chunkSize, remaining));
  let filled = 0;
  const ready: Buffer[] = [];
  const put = (piece: Uint8Array) => {
    for (let from = 0; from < piece.length;) {
      if (filled === chunk.length) {
        ready.push(chunk);
        remaining -= filled;
        chunk = Buffer.allocUnsafe(Math.min(chunkSize, remaining));
        filled = 0;
      }
      const length = Math.min(piece.length - from, chunk.length - filled);
      chunk.set(piece.subarray(from, from + length), filled);
      filled += length;
      from += length;
    }
  };
  put(head);
  for (let i = 0; i < count; i++) {
    for (const piece of pieces(i)) put(piece);
    while (ready.length) yield ready.shift()!;
  }
  put(tail());
  yield* ready;
  yield filled === chunk.length ? chunk : chunk.subarray(0, filled);
}

/** The byte offset of each insertion's offset (UTF-16 units): 4 bytes each (a page is far below 4 GB). */
function locateBytes(
  bytes: Uint8Array,
  encoding: HtmlEncoding,
  text: string,
  offsets: InsertionList,
): Uint32Array {
  if (encoding.name === 'utf-8') return locateUtf8Bytes(encoding.bomLength, text, offsets);
  return encoding.name === 'gbk' || encoding.name === 'gb18030'
    ? locateGbBytes(bytes, encoding.bomLength, text, offsets)
    : locateByEncoding(bytes, encoding, text, offsets);
}

/** UTF-8 re-encodes exactly what it decoded (invalid input was refused while decoding): count each unit's bytes. */
function locateUtf8Bytes(start: number, text: string, offsets: InsertionList): Uint32Array {
  const byteOffsets = new Uint32Array(offsets.length);
  let byte = start;
  let unit = 0;
  for (let i = 0; i < offsets.length; i++) {
    const offset = offsets.offsetAt(i);
    for (; unit < offset; unit++) {
      const code = text.charCodeAt(unit);
      // a surrogate pair is four bytes: two for each half
      byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
    }
    byteOffsets[i] = byte;
  }
  return byteOffsets;
}

/**
 * GB18030 (and its subsets GBK, GB2312) is self-delimiting: a byte below 0x80, 0x80 or 0xFF stands alone; a lead
 * byte followed by a digit starts four bytes, otherwise two. Walking the bytes beside the decoded text gives exact
 * offsets without re-encoding anything.
 */
function locateGbBytes(bytes: Uint8Array, start: number, text: string, offsets: InsertionList): Uint32Array {
  const byteOffsets = new Uint32Array(offsets.length);
  let byte = start;
  let unit = 0;
  for (let i = 0; i < offsets.length; i++) {
    const offset = offsets.offsetAt(i);
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
    byteOffsets[i] = byte;
  }
  return byteOffsets;
}

/** Other encodings: re-encode each stretch and check it is the original's bytes, or refuse rather than alter them. */
function locateByEncoding(
  bytes: Uint8Array,
  encoding: HtmlEncoding,
  text: string,
  offsets: InsertionList,
): Uint32Array {
  const byteOffsets = new Uint32Array(offsets.length);
  let byte = encoding.bomLength;
  let last = 0;
  for (let i = 0; i < offsets.length; i++) {
    const offset = offsets.offsetAt(i);
    const stretch = iconv.encode(text.slice(last, offset), encoding.name);
    if (!stretch.equals(bytes.subarray(byte, byte + stretch.length)))
      throw new HtmlInputError(
        'encoding',
        `the ${encoding.label} bytes near byte ${byte} do not survive re-encoding; not tagged, to keep them exact`,
      );
    byte += stretch.length;
    last = offset;
    byteOffsets[i] = byte;
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
