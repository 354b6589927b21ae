/** Exit codes of the dszd-term command (also listed in its --help). */
export const EXIT_OK = 0;
/** A file could not be tagged (missing, unreadable, binary, not HTML, bad encoding), or lookup found no term. */
export const EXIT_FAILED = 1;
/** The command line is wrong: unknown command or option, bad value, invalid --set, unsafe output. */
export const EXIT_USAGE = 2;

/** A mistake in the command line: reported in one line, exit code 2, nothing done. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One input that failed: reported as `path: reason` in one line; the run goes on with the other inputs. */
export class FileError extends Error {
  override name = 'FileError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}
