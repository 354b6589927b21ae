import { QUOTE_PAIRS } from './normalize';

/** Opening quote → the closing quotes it pairs with (〝 closes with 〞 or 〟; straight quotes close themselves). */
const CLOSES_OF = new Map<number, number[]>();
/** Closing quote → the opening quotes it pairs with. */
const OPENS_OF = new Map<number, number[]>();
for (const [open, close] of QUOTE_PAIRS) {
  const [o, c] = [open.charCodeAt(0), close.charCodeAt(0)];
  CLOSES_OF.set(o, [...(CLOSES_OF.get(o) ?? []), c]);
  OPENS_OF.set(c, [...(OPENS_OF.get(c) ?? []), o]);
}

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
  const closes = CLOSES_OF.get(open);
  if (!closes) return start;
  for (const close of closes) if (leavesUnpaired(text, start, end, open, close, false)) return start - 1;
  return start;
}

/** The end of a match widened to the closing quote after it, if that quote's partner lies inside text[start, end). */
export function widenEnd(text: string, start: number, end: number): number {
  if (end >= text.length) return end;
  const close = text.charCodeAt(end);
  const opens = OPENS_OF.get(close);
  if (!opens) return end;
  for (const open of opens) if (leavesUnpaired(text, start, end, open, close, true)) return end + 1;
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
