/** Size limits of the drop-in script, gzip level 9 bytes; test/node/package checks them and `npm run size` shows them. */

// The issue's target: the IIFE with the whole 6.0 set inside at most 26 KB gzip. Not met yet (see the README's size
// table): the budget below is what the script measures now, rounded up to the next KB, so it can only shrink.
export const ISSUE_TARGET_BYTES = 26 * 1024;

/**
 * What dist/dszd-term.iife.js may weigh today. Lower it as the script shrinks; raise it only with a reason.
 * Raised from 39 KB to 44 KB for highlight mode (issue 8: `data-mode="highlight"` must work from the one script tag).
 * Raised to 47 KB for the card as a guide to the set (related terms, units in full, copy; 2.3 KB) and the traditional
 * fold table (0.3 KB): the card's part belongs to the second stage once the drop-in loads in two.
 */
export const SIZE_BUDGET_BYTES = 47 * 1024;
