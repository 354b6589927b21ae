import { QUOTE_PAIRS } from '../text/normalize';

// The pairs as char codes, side by side: a scan of ten numbers beats a Map look-up on this path.
const OPEN_CODES = Int32Array.from(QUOTE_PAIRS, ([open]) => open.charCodeAt(0));
const CLOSE_CODES = Int32Array.from(QUOTE_PAIRS, ([, close]) => close.charCodeAt(0));

/*
 * A match starts at its first term character, or at an opening quote right before it whose closing quote lies inside
 * the match; it ends likewise. So “总对总”服务 and 教育“一张图” are taken whole, and no unpaired quote is.
 */

/**
 * The start of a match widened to the opening quote before it, if that quote's partner lies inside text[start, end).
 * `floor` is where the previous match ended: a straight quote between two matches closes the first or opens the
 * second, never both.
 */
export function widenStart(text: string, start: number, end: number, floor: number): number {
  if (start - 1 < floor) return start;
  const open = text.charCodeAt(start - 1);
  for (let p = 0; p < OPEN_CODES.length; p++)
    if (OPEN_CODES[p] === open && leavesUnpaired(text, start, end, open, CLOSE_CODES[p]!, false))
      return start - 1;
  return start;
}

/** The end of a match widened to the closing quote after it, if that quote's partner lies inside text[start, end). */
export function widenEnd(text: string, start: number, end: number): number {
  if (end >= text.length) return end;
  const close = text.charCodeAt(end);
  for (let p = 0; p < CLOSE_CODES.length; p++)
    if (CLOSE_CODES[p] === close && leavesUnpaired(text, start, end, OPEN_CODES[p]!, close, true))
      return end + 1;
  return end;
}

/** Whether text[start, end) holds an opening (or closing) quote of this pair that has no partner inside the range. */
function leavesUnpaired(
  text: string,
  start: number,
  end: number,
  open: number,
  close: number,
  opening: boolean,
): boolean {
  if (open === close) {
    let count = 0;
    for (let i = start; i < end; i++) if (text.charCodeAt(i) === open) count++;
    return count % 2 === 1;
  }
  let depth = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === open) depth++;
    else if (code === close) {
      if (depth > 0) depth--;
      else if (!opening) return true;
    }
  }
  return opening && depth > 0;
}
