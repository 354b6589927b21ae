/**
 * The card stage gives `<dszd-term>` its description and `setExpanded`, which the card calls: the drop-in's first
 * stage has neither (src/term/card-parts.ts). A module of its own so that src/stages/card-stage.ts runs it before the
 * definitions texts, whatever else it does.
 */
import { installCardParts } from '../term/card-parts';
import { DszdTerm } from '../term/dszd-term';

installCardParts(DszdTerm);
