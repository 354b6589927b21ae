/**
 * A JSON.parse error in one line with where it is (`Unexpected token ',' at line 3, column 5`), the same in Node and
 * in browsers: the compiler's and the page's set errors read alike.
 */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  // V8 names no position for "Unexpected token 'x', "…" is not valid JSON" (and quotes raw source, line breaks
  // included, which would break the CLI's one-line error) nor for "Unexpected end of JSON input".
  const offset = position ? Number(position[1]) : findJsonErrorOffset(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const reason = message.replace(/(?: in JSON)? at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".*$/s, '');
  return `${reason} at line ${line}, column ${column}`;
}

/** The offset of the first character JSON.parse rejects: the shortest prefix that fails before its own end. */
function findJsonErrorOffset(text: string): number {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      const position = /position (\d+)/.exec(message);
      return position ? Number(position[1]) < length : !/end of JSON input/.test(message);
    }
  };
  let low = 1;
  let high = text.length;
  if (!failsInside(high)) return text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsInside(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}
