import type * as CardHost from '../card/card-host';
import { loadStageScript } from './load-stage';
import { getProvidedModule } from './stage-registry';

/** The drop-in script's `fetchCardHost` (see src/card/fetch-card-host.ts): the card stage file beside the script. */
export async function fetchCardHost(): Promise<typeof CardHost> {
  await loadStageScript(CARD_STAGE_FILE);
  return getProvidedModule('card/card-host') as unknown as typeof CardHost;
}

/** The card stage's file name, beside dszd-term.iife.js. */
export const CARD_STAGE_FILE = 'dszd-term.card.js';
