/**
 * Minifies the CSS of a Lit `css` template given as its literal parts (the text between `${…}` expressions, raw as in
 * the source): comments go, white space shrinks to what the CSS grammar needs. Nothing is reordered or rewritten, so
 * what the browser parses is the same rule set. Returns undefined when it cannot be sure (the caller keeps the
 * template as written).
 */
export function minifyCss(parts: readonly string[]): string[] | undefined {
  if (parts.some((part) => part.includes(HOLE))) return undefined;
  const source = parts.join(HOLE);
  let out = '';
  let space = false;
  for (let i = 0; i < source.length;) {
    const char = source[i]!;
    if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      // an expression inside a comment, or a comment left open: not ours to judge
      if (end < 0 || source.slice(i, end).includes(HOLE)) return undefined;
      i = end + 2;
      space = true;
      continue;
    }
    if (WHITE_SPACE.test(char)) {
      space = true;
      i++;
      continue;
    }
    if (space && out && !NO_SPACE_AFTER.has(out.at(-1)!) && !NO_SPACE_BEFORE.has(char)) out += ' ';
    space = false;
    if (char === '"' || char === "'") {
      const end = findStringEnd(source, i);
      if (end < 0) return undefined;
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (char === '\\') {
      // an escape belongs to the token it is in, the character after it included
      if (i + 1 >= source.length) return undefined;
      out += source.slice(i, i + 2);
      i += 2;
      continue;
    }
    // `;}` → `}`: the last declaration of a block needs no semicolon (nor do empty ones, `;;}`)
    while (char === '}' && out.endsWith(';')) out = out.slice(0, -1);
    out += char;
    i++;
  }
  const minified = out.split(HOLE);
  return minified.length === parts.length ? minified : undefined;
}

// Stands for an expression while the parts are minified as one text; source text never holds it.
const HOLE = '\u0000';
const WHITE_SPACE = /[ \t\n\r\f]/;
// Space next to these is never a descendant combinator nor a separator of values. Not `:` before (`a :hover` is not
// `a:hover`), not `(` before (`and (` is not the function `and(`), not `+ - * /` (calc() needs them spaced).
const NO_SPACE_AFTER = new Set(['{', '}', ';', ',', ':', '(', '>']);
const NO_SPACE_BEFORE = new Set(['{', '}', ';', ',', ')', '!', '>']);

/** Index just past the closing quote of the string starting at `start`, or -1 if it does not close. */
function findStringEnd(source: string, start: number): number {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === quote) return i + 1;
    else if (char === '\n' || char === HOLE) return -1;
  }
  return -1;
}
