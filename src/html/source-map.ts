import { DecodingMode, HtmlEntityDecoder } from 'entities/decode';

/**
 * Where each UTF-16 unit of a text node's decoded text came from in the source: either the text is its source
 * shifted by `base` (the common case: no references, no CR, nothing dropped), or per unit: a unit decoded from a
 * character reference maps to the whole reference (`&ldquo;` → [start of &, after ;)), a LF normalized from CRLF to
 * both characters, every other unit to its own character.
 */
export type TextSource =
  | { readonly base: number }
  | {
      /** Source offset where unit i's source begins. */
      readonly starts: Int32Array;
      /** Source offset just past unit i's source. */
      readonly ends: Int32Array;
    };

const AMPERSAND = 0x26;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const CR = 0x0d;
const LF = 0x0a;
const NUL = 0x00;
const REPLACEMENT = 0xfffd;

// One decoder for every call: the same class and mode the parse5 tokenizer decodes text with, so both agree.
let decodedCodePoints: number[] = [];
const decoder = new HtmlEntityDecoder((codePoint) => {
  decodedCodePoints.push(codePoint);
});

/**
 * Maps a text node's decoded `data` onto its source slice `html[start, end)`. The slice can differ from the data by
 * character references (decoded as the tokenizer decodes them in text), CRLF or CR normalized to LF,
 * dropped NUL characters, the LF the parser drops after `<pre>`/`<listing>`, and markup the parser ignored or moved
 * (a stray `</span>`, text foster-parented out of a table and merged). Returns null when the slice cannot be
 * explained that way: the caller then leaves the node untouched rather than writing at a wrong offset.
 */
export function mapTextSource(html: string, start: number, end: number, data: string): TextSource | null {
  if (end - start === data.length && html.startsWith(data, start)) return { base: start };
  const starts = new Int32Array(data.length);
  const ends = new Int32Array(data.length);
  let i = start;
  let j = 0;
  while (j < data.length) {
    if (i >= end) return null;
    const source = html.charCodeAt(i);
    const wanted = data.charCodeAt(j);
    if (source === AMPERSAND) {
      const reference = decodeReference(html, i);
      if (reference && data.startsWith(reference.text, j)) {
        for (let k = 0; k < reference.text.length; k++) {
          starts[j + k] = i;
          ends[j + k] = i + reference.length;
        }
        j += reference.text.length;
        i += reference.length;
        continue;
      }
    }
    if (source === CR && wanted === LF) {
      const length = html.charCodeAt(i + 1) === LF && i + 1 < end ? 2 : 1;
      starts[j] = i;
      ends[j] = i + length;
      i += length;
      j++;
      continue;
    }
    // NUL is dropped in body text but replaced where the parser keeps it (foreign content, RCDATA)
    if (source === wanted || (source === NUL && wanted === REPLACEMENT)) {
      starts[j] = i;
      ends[j] = i + 1;
      i++;
      j++;
      continue;
    }
    const skipped = skipDropped(html, i, end, i === start);
    if (skipped === i) return null;
    i = skipped;
  }
  while (i < end) {
    const skipped = skipDropped(html, i, end, false);
    if (skipped === i) return null;
    i = skipped;
  }
  return { starts, ends };
}

/**
 * The source range of units [from, to) of a mapped text, or null if that stretch is not one contiguous piece of
 * source (ignored markup lies inside it). A range starting or ending inside a reference covers the whole reference.
 */
export function findSourceRange(source: TextSource, from: number, to: number): [number, number] | null {
  if ('base' in source) return [source.base + from, source.base + to];
  const { starts, ends } = source;
  for (let k = from + 1; k < to; k++) {
    // contiguous, or the next unit of the same reference (one reference can decode to two units)
    if (starts[k] !== ends[k - 1] && starts[k] !== starts[k - 1]) return null;
  }
  return [starts[from]!, ends[to - 1]!];
}

/** Decodes the character reference at `html[at]` (an ampersand) as the tokenizer would in text. */
function decodeReference(html: string, at: number): { text: string; length: number } | null {
  decodedCodePoints = [];
  decoder.startEntity(DecodingMode.Legacy);
  let length = decoder.write(html, at + 1);
  if (length < 0) length = decoder.end();
  if (length <= 0 || !decodedCodePoints.length) return null;
  return { text: String.fromCodePoint(...decodedCodePoints), length };
}

/** Past source the parser dropped at `html[at]`: a NUL, a leading LF, or one piece of ignored markup. */
function skipDropped(html: string, at: number, end: number, atStart: boolean): number {
  const code = html.charCodeAt(at);
  if (code === NUL) return at + 1;
  if (atStart && (code === LF || code === CR))
    return html.charCodeAt(at + 1) === LF && code === CR ? at + 2 : at + 1;
  if (code !== LESS_THAN) return at;
  const next = html.charCodeAt(at + 1);
  if (html.startsWith('<!--', at)) {
    const close = html.indexOf('-->', at + 4);
    return close < 0 || close + 3 > end ? at : close + 3;
  }
  // a start tag, an end tag, or a bogus comment / doctype (<!…>, <?…>)
  const isLetter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a;
  if (!isLetter && next !== 0x2f && next !== 0x21 && next !== 0x3f) return at;
  const isTag = isLetter || next === 0x2f; // bogus comments (<!…>, <?…>) end at the first >
  let quote = 0;
  let previous = 0; // the last character outside quotes and white space: a quote opens a value only after =
  for (let k = at + 1; k < end; k++) {
    const c = html.charCodeAt(k);
    if (quote) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === GREATER_THAN) return k + 1;
    if ((c === 0x22 || c === 0x27) && isTag && previous === 0x3d) quote = c;
    else if (c > 0x20) previous = c;
  }
  return at;
}
