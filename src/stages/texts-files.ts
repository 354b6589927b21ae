/**
 * The files of the definition texts beside the drop-in's stages, and where each puts its rows in the stages'
 * registry: the build writes them (vite.config.ts, entryTextsFiles), the card stage reads them
 * (fetch-entry-texts.ts), the size budget weighs them (scripts/size-budget.ts).
 */

/** The whole set's texts: one row per entry, behind its serial. */
export const SET_TEXTS_FILE = 'dszd-term.texts.js';
export const SET_TEXTS_KEY = 'texts';

/** One entry's texts: its row. */
export const entryTextsFile = (serial: number): string => `dszd-term.entry-${serial}.js`;
export const entryTextsKey = (serial: number): string => `entry/${serial}`;
