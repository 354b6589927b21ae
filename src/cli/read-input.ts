import { constants, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import { FileError } from './cli-error';
import { formatSize } from './size-limit';

/**
 * Reads an input file of at most `maxSize` bytes; failures become a {@link FileError} saying why in a few words.
 * Only regular files are read: the file is opened without blocking (a FIFO would wait for a writer) and checked on
 * the open handle, so a FIFO, a device or a socket is refused, never waited on or read forever. The size is checked
 * before reading and again while reading (a file can grow), so memory never exceeds the limit.
 */
export async function readInput(path: string, maxSize: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new FileError(path, await describeReadError(path, error));
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new FileError(path, 'unreadable (a folder, not a file)');
    if (!stats.isFile()) throw new FileError(path, `not a regular file (${describeFileType(stats)})`);
    if (stats.size > maxSize) throw new FileError(path, describeTooLarge(stats.size, maxSize));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size - total, 65536), maxSize + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (!bytesRead) break;
      total += bytesRead;
      if (total > maxSize) throw new FileError(path, describeTooLarge(total, maxSize, true));
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(path, await describeReadError(path, error));
  } finally {
    await handle.close();
  }
}

/** The message for input over the limit; `atLeast` when reading stopped at the limit. */
export function describeTooLarge(size: number, maxSize: number, atLeast = false): string {
  return `too large: ${atLeast ? 'more than ' : ''}${formatSize(atLeast ? maxSize : size)}, over the --max-size limit of ${formatSize(maxSize)}`;
}

/** What kind of file other than a regular one a file is, in a few words. */
export function describeFileType(
  stats: Pick<Stats, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>,
): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

/** Why a file could not be read, in a few words: missing, a folder, a broken link, no permission. */
export async function describeReadError(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': {
      const link = await lstat(path).catch(() => null);
      return link?.isSymbolicLink() ? 'unreadable (broken symbolic link)' : 'no such file';
    }
    case 'EISDIR':
      return 'unreadable (a folder, not a file)';
    case 'EACCES':
    case 'EPERM':
      return 'unreadable (permission denied)';
    case 'ELOOP':
      return 'unreadable (symbolic link loop)';
    case 'ENXIO': {
      // opening a socket fails before there is a handle to ask
      const stats = await stat(path).catch(() => null);
      return `not a regular file (${stats ? describeFileType(stats) : 'a device without a driver'})`;
    }
    default:
      return `unreadable (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
