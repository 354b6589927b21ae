import { lstat, readFile } from 'node:fs/promises';
import { FileError } from './cli-error';

/** Reads an input file; failures become a {@link FileError} saying why in a few words. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new FileError(path, await describeReadError(path, error));
  }
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
    default:
      return `unreadable (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
