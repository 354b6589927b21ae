import { compileDefinitionSet, DefinitionSetError, parseDefinitionSetJson } from '../definitions/compile';
import type { DefinitionSet } from '../definitions/types';
import { FileError, UsageError } from './cli-error';
import { readInput } from './read-input';

/** Reads (at most `maxSize` bytes, a regular file only) and compiles a custom definition set (--set); any problem is a one-line usage error naming the file. */
export async function loadDefinitionSet(path: string, maxSize: number): Promise<DefinitionSet> {
  let text: string;
  try {
    text = Buffer.from(await readInput(path, maxSize)).toString('utf8');
  } catch (error) {
    if (error instanceof FileError) throw new UsageError(error.message);
    throw error;
  }
  try {
    return compileDefinitionSet(parseDefinitionSetJson(text, path), path);
  } catch (error) {
    if (error instanceof DefinitionSetError) throw new UsageError(error.message);
    throw error;
  }
}
