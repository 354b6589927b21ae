import { readFile } from 'node:fs/promises';
import { compileDefinitionSet, DefinitionSetError, parseDefinitionSetJson } from '../definitions/compile';
import type { DefinitionSet } from '../definitions/types';
import { describeReadError } from './read-input';
import { UsageError } from './cli-error';

/** Reads and compiles a custom definition set (--set); any problem is a one-line usage error naming the file. */
export async function loadDefinitionSet(path: string): Promise<DefinitionSet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: ${await describeReadError(path, error)}`);
  }
  try {
    return compileDefinitionSet(parseDefinitionSetJson(text, path), path);
  } catch (error) {
    if (error instanceof DefinitionSetError) throw new UsageError(error.message);
    throw error;
  }
}
