/**
 * The drop-in script's card stage (`dszd-term.card.js`): the definitions texts, `<dszd-card>` (Lit) and Floating UI.
 * Loaded by the first stage when the browser is idle after annotation, or at the latest on a term's first pointer,
 * touch or focus. The set, settings and error reporting it imports are the first stage's (see stage-registry.ts).
 */
import { css, html, LitElement } from 'lit';
import * as cardHost from '../card/card-host';
import { configureTerms } from '../config/terms-config';
import { definitionSet } from '../definitions/definition-set.generated';
import { yieldToEventLoop } from '../live/schedule';
// Before the definitions texts: ahead of them in the script, this code gzips about 50 B smaller.
import './install-card-parts';
import { definitionTexts } from './definition-texts';
import { provideModules } from './stage-registry';

const textsBySerial = new Map(definitionTexts.map((texts) => [texts.serial, texts]));
// The first stage's set carries the names only: its entries get their texts in place, so every holder of the set sees them.
for (const entry of definitionSet.entries) {
  const texts = textsBySerial.get(entry.serial);
  if (!texts) continue;
  entry.definition = texts.definition;
  entry.notes = texts.notes;
  entry.unit = texts.unit;
  if (texts.unitName !== undefined) entry.unitName = texts.unitName;
  if (texts.related !== undefined) entry.related = texts.related;
}
// Of lit, highlight mode's <dszd-term-index> takes what it uses from here (vite.config.ts CARD_STAGE_PROVIDES lists the
// same names), so lit is bundled once; the rest stays tree-shaken.
provideModules({
  'card/card-host': cardHost,
  lit: { css, html, LitElement },
});
// Terms already on the page re-render: their accessible description is the definition. In a task after the stage's
// evaluation, not in it: on a phone each is a long task's worth of work on a page with many terms.
void yieldToEventLoop().then(() => configureTerms());
