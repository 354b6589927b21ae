/** The registered highlight that underlines every match (styled like the `<dszd-term>` underline). */
export const MATCH_HIGHLIGHT = 'dszd-term';
/** The match under the pointer or with its card open (the term's active background). */
export const ACTIVE_HIGHLIGHT = 'dszd-term-active';
/** The match reached with Alt+↓ / Alt+↑ from the term list (a stronger background, until the next step). */
export const CURRENT_HIGHLIGHT = 'dszd-term-current';
