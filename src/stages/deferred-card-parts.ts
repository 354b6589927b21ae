/**
 * The drop-in script's first stage's `installCardParts` (src/term/card-parts.ts): nothing to install yet. Its set
 * has no definition texts and no card opens before the card stage, which installs the term's description and
 * `setExpanded` (src/stages/card-stage.ts).
 */
export function installCardParts(): void {
  // the card stage installs them
}
