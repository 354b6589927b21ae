/**
 * The drop-in script's card stage (`dszd-term.card.js`): `<dszd-card>` (Lit) and Floating UI. Loaded by the first
 * stage when the browser is idle after annotation, or at the latest on a term's first pointer, touch or focus. The
 * set, settings and error reporting it imports are the first stage's (see stage-registry.ts). The set's texts are not
 * here: they come in one file for the whole set once a term on the page asks for its description, or in the opened
 * entry's own file if a card opens first (fetch-entry-texts.ts, which the build puts in place of
 * src/card/entry-texts.ts).
 */
import { css, html, LitElement } from 'lit';
import * as cardHost from '../card/card-host';
import { getStore } from '../config/terms-config';
import { yieldToEventLoop } from '../live/schedule';
import { installCardParts } from '../term/card-parts';
import { renderLater } from '../term/render-later';
import { DszdTerm } from '../term/dszd-term';
import { provideModules } from './stage-registry';

// <dszd-term>'s description and setExpanded, which the card calls: the first stage has neither (term/card-parts.ts)
installCardParts(DszdTerm);

// Of lit, highlight mode's <dszd-term-index> takes what it uses from here (vite.config.ts CARD_STAGE_PROVIDES lists the
// same names), so lit is bundled once; the rest stays tree-shaken.
provideModules({
  'card/card-host': cardHost,
  lit: { css, html, LitElement },
});
// Terms already on the page re-render: their accessible description is the definition, whose texts each term now
// asks for. Every watcher of the settings is called, as a change of them would (a term's watcher renders it), but a
// few at a time from a task after the stage's evaluation: on a phone a term's render is about a millisecond, and all
// of them in one task were a long one on a page with many terms.
void yieldToEventLoop().then(() => {
  for (const listener of getStore().listeners) renderLater(listener);
});
