/** Why an input file cannot be tagged: not text (binary), not HTML, or not valid in its encoding. */
export type HtmlInputProblem = 'binary' | 'not-html' | 'encoding';

/** An input that cannot be tagged without losing something; `message` is one line. */
export class HtmlInputError extends Error {
  override name = 'HtmlInputError';
  constructor(
    readonly problem: HtmlInputProblem,
    message: string,
  ) {
    super(message);
  }
}
