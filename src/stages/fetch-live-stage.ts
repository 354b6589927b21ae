import type * as Live from '../annotate/wrap/live';
import { loadStageScript } from './load-stage';
import { getProvidedModule } from './stage-registry';

/** The drop-in script's live part of wrap mode (see src/annotate/wrap/load-live.ts): not bundled, a stage. */
export function getBundledLive(): null {
  return null;
}

/** Loads the live stage file beside the script (once; rejects when it cannot be loaded). */
export async function loadLive(): Promise<typeof Live> {
  await loadStageScript(LIVE_STAGE_FILE);
  return getProvidedModule('annotate/wrap/live') as unknown as typeof Live;
}

/** The live stage's file name, beside dszd-term.iife.js. */
export const LIVE_STAGE_FILE = 'dszd-term.live.js';
