// Bytes examined: enough to see a file's kind, small enough to be free on big pages.
const SAMPLE = 8192;

/**
 * Whether content is binary rather than text: any NUL, or more than 10 % control characters other than tab, line
 * feed, form feed, carriage return and escape. Works on bytes of an ASCII-compatible encoding or on decoded text
 * (UTF-16 pages, whose bytes are full of NULs, are checked after decoding).
 */
export function isBinaryContent(content: Uint8Array | string): boolean {
  const length = Math.min(content.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const code = typeof content === 'string' ? content.charCodeAt(i) : content[i]!;
    if (code === 0) return true;
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d && code !== 0x1b) ||
      code === 0x7f
    )
      controls++;
  }
  return length > 0 && controls / length > 0.1;
}
