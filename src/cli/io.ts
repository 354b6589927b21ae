import { escapeTerminal } from './escape-terminal';
import { describeTooLarge } from './read-input';

/** The streams a command talks to: the process's, or a test's. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
}

/** Writes text or bytes and resolves once the stream took them (so large outputs are not cut at exit). */
export function writeOut(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

/** Writes chunks one after another, each once the stream took the one before (so they need not all be in memory). */
export async function writeChunks(
  stream: NodeJS.WritableStream,
  chunks: Iterable<Uint8Array>,
): Promise<void> {
  for (const chunk of chunks) await writeOut(stream, chunk);
}

/** Writes one line of a message, its control characters escaped (file names can hold any), then a newline. */
export function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  return writeOut(stream, `${escapeTerminal(line)}\n`);
}

/** Reads a whole stream into bytes; more than `maxSize` bytes is a {@link TooLargeError}, found before it is all read. */
export async function readAll(stream: NodeJS.ReadableStream, maxSize: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += bytes.length;
    if (total > maxSize) {
      if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
      throw new TooLargeError(maxSize);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/** More input than --max-size allows. */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
  constructor(readonly maxSize: number) {
    super(describeTooLarge(maxSize + 1, maxSize, true));
  }
}
