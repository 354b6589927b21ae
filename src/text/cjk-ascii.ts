/**
 * An ASCII spelling of text with Chinese characters, for data the drop-in's first stage carries (the names, the
 * traditional folds): each CJK unified ideograph (U+4E00–U+9FFF) as three base-36 digits of its offset from U+4E00;
 * a literal digit, lower-case letter or `~` behind a `~`; anything else as it is. gzip codes an ideograph's three
 * UTF-8 bytes, rare in a script, in about 29 bits; three base-36 digits among the script's own letters in about 15
 * (0.3 KB off the first stage). vite.config.ts encodes at build time; the first stage decodes once as it loads.
 */
const FIRST = 0x4e00;
const LAST = 0x9fff;

/** The ASCII spelling of `text` (see above); `decodeCjk` gives `text` back. */
export function encodeCjk(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= FIRST && code <= LAST) out += (code - FIRST).toString(36).padStart(3, '0');
    else out += /^[0-9a-z~]$/.test(char) ? `~${char}` : char;
  }
  return out;
}

/** The text `encodeCjk` spelt. */
export function decodeCjk(spelt: string): string {
  return spelt.replace(/~([^])|[0-9a-z]{3}/g, (digits, literal?: string) =>
    literal === undefined ? String.fromCharCode(parseInt(digits, 36) + FIRST) : literal,
  );
}
