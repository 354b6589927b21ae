// C0 and C1 controls, DEL, the bidirectional controls (a U+202E in a name shows "lmth.exe" as "exe.html"), and the
// Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes text safe to print on a terminal as one line: every control character becomes a visible escape (`\x1b`,
 * `\n`, `\u202e`), so a file name cannot send terminal commands, reorder the line or forge the next line.
 */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return NAMED[char] ?? (code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
  });
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}
