import type * as SetReader from '../config/read-sets';
import { loadStageScript } from './load-stage';
import { getProvidedModule } from './stage-registry';

/** The drop-in script's `loadSetReader` (see src/config/load-set-reader.ts): the sets stage file beside the script. */
export async function loadSetReader(): Promise<typeof SetReader> {
  await loadStageScript(SETS_STAGE_FILE);
  return getProvidedModule('config/read-sets') as unknown as typeof SetReader;
}

/** The sets stage's file name, beside dszd-term.iife.js. */
export const SETS_STAGE_FILE = 'dszd-term.sets.js';
