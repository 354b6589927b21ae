/**
 * Collapses the white space of a Lit `html`/`svg` template given as its literal parts (raw source text between the
 * `${…}` expressions). Inside a tag, white space between attributes becomes one space and white space before `>`
 * goes; in text, each run of white space becomes one space, which renders the same under `white-space: normal`.
 * Quoted attribute values and comments stay as written. Returns undefined for templates it must not touch (raw-text
 * or preformatted elements, line continuations): the caller then keeps the template as written.
 */
export function collapseHtml(parts: readonly string[]): string[] | undefined {
  const whole = parts.join('');
  if (UNSAFE.test(whole)) return undefined;
  let state: State = 'text';
  const out: string[] = [];
  for (const part of parts) {
    let text = '';
    for (let i = 0; i < part.length;) {
      const char = part[i]!;
      if (state === 'comment') {
        const end = part.indexOf('-->', i);
        const stop = end < 0 ? part.length : end + 3;
        text += part.slice(i, stop);
        if (end >= 0) state = 'text';
        i = stop;
      } else if (state === 'double' || state === 'single') {
        const end = part.indexOf(state === 'double' ? '"' : "'", i);
        const stop = end < 0 ? part.length : end + 1;
        text += part.slice(i, stop);
        if (end >= 0) state = 'tag';
        i = stop;
      } else if (WHITE_SPACE.test(char)) {
        let end = i + 1;
        while (end < part.length && WHITE_SPACE.test(part[end]!)) end++;
        // in a tag, white space before `>` is nothing; elsewhere one space stands for the run
        if (!(state === 'tag' && part[end] === '>')) text += ' ';
        i = end;
      } else if (state === 'tag') {
        if (char === '"') state = 'double';
        else if (char === "'") state = 'single';
        else if (char === '>') state = 'text';
        text += char;
        i++;
      } else if (char === '<' && part.startsWith('<!--', i)) {
        state = 'comment';
        text += '<!--';
        i += 4;
      } else {
        // `<` opens a tag when a name, `/` or an expression (a static tag name) follows
        if (char === '<' && (i + 1 === part.length || TAG_START.test(part[i + 1]!))) state = 'tag';
        text += char;
        i++;
      }
    }
    out.push(text);
  }
  return out;
}

type State = 'text' | 'tag' | 'double' | 'single' | 'comment';

const WHITE_SPACE = /[ \t\n\r\f]/;
const TAG_START = /[A-Za-z/]/;
// Elements whose white space is content, and a backslash before a line break (a line continuation in the template).
const UNSAFE = /<(?:pre|textarea|listing|plaintext|xmp|script|style)\b|\\\r?\n/i;
