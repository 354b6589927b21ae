import { css } from 'lit';
import { visuallyHidden } from '../card/visually-hidden.styles';

// Everything lives in the shadow root, so page styles stay out and these stay in; colours follow the page's text.
export const glossaryStyles = css`
  :host {
    display: block;
    --_accent: var(--dszd-glossary-accent, #0b57d0);
    /* plain greys where color-mix() is missing (Chrome before 111, Safari before 16.2), see @supports below */
    --_rule: var(--dszd-glossary-rule-color, rgb(128 128 128 / 0.35));
    --_target: var(--dszd-glossary-target-background, rgb(128 128 128 / 0.1));
    --_focus: var(--dszd-glossary-focus-color, #0b57d0);
    line-height: 1.75;
    overflow-wrap: anywhere;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0 0 1rem;
  }
  label {
    font-weight: 600;
  }
  input {
    flex: 1 1 14rem;
    min-width: 0;
    min-height: 3rem;
    box-sizing: border-box;
    padding: 0.5rem 0.75rem;
    font: inherit;
    font-size: max(1rem, 1em);
    color: inherit;
    background: var(--dszd-glossary-input-background, Field);
    border: 2px solid rgb(128 128 128 / 0.8);
    border: 2px solid color-mix(in srgb, currentColor 55%, transparent);
    border-radius: var(--dszd-glossary-radius, 0.5rem);
  }
  select {
    min-height: 3rem;
    max-width: 100%;
    box-sizing: border-box;
    padding: 0.5rem;
    font: inherit;
    color: inherit;
    background: var(--dszd-glossary-input-background, Field);
    border: 2px solid rgb(128 128 128 / 0.8);
    border: 2px solid color-mix(in srgb, currentColor 55%, transparent);
    border-radius: var(--dszd-glossary-radius, 0.5rem);
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.2em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .copy {
    min-height: 2.75rem;
    padding: 0.25rem 1rem;
    font: inherit;
    color: var(--_accent);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 1.5rem;
    cursor: pointer;
  }
  .copy-status:empty {
    display: none;
  }
  ${visuallyHidden}
  input:focus-visible,
  select:focus-visible,
  a:focus-visible,
  .copy:focus-visible,
  .term:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .count {
    margin: 0;
    font-weight: 600;
  }
  .source {
    margin: 0 0 1rem;
  }
  /* entries off screen skip layout and paint: a search re-lays out only what is visible */
  .entry {
    content-visibility: auto;
    contain-intrinsic-size: auto 16rem;
    position: relative;
    padding: 1rem 0.75rem;
    border-top: 1px solid var(--_rule);
    border-left: 4px solid transparent;
  }
  .entry.target {
    border-left-color: var(--_accent);
    background: var(--_target);
  }
  @supports (color: color-mix(in srgb, red 50%, red)) {
    :host {
      --_rule: var(--dszd-glossary-rule-color, color-mix(in srgb, currentColor 22%, transparent));
      --_target: var(--dszd-glossary-target-background, color-mix(in srgb, var(--_accent) 8%, transparent));
    }
  }
  .term {
    margin: 0 0 0.5rem;
    font-size: 1.3em;
    line-height: 1.4;
  }
  .serial {
    display: inline-block;
    min-width: 1.6em;
    margin-inline-end: 0.5em;
    padding: 0 0.3em;
    border-radius: 0.3em;
    font-size: 0.75em;
    text-align: center;
    vertical-align: 0.15em;
    color: var(--dszd-glossary-serial-color, #fff);
    background: var(--_accent);
  }
  p {
    margin: 0 0 0.5rem;
  }
  .label {
    font-weight: 600;
  }
  .entry-source {
    font-size: 0.9em;
  }
  mark {
    color: var(--dszd-glossary-mark-color, MarkText);
    background: var(--dszd-glossary-mark-background, Mark);
    border-radius: 0.15em;
  }
  /* the anchor sits on the entry's top edge, so scrolling to it shows the whole entry */
  ::slotted([data-dszd-anchor]) {
    display: block !important;
    position: absolute !important;
    inset: 0 auto auto 0 !important;
    width: 0 !important;
    height: 0 !important;
    scroll-margin-top: var(--dszd-glossary-scroll-margin, 0.5rem) !important;
  }
  @media (forced-colors: active) {
    .entry.target {
      border-left-color: Highlight;
    }
    .serial {
      border: 1px solid CanvasText;
    }
    a {
      color: LinkText;
    }
    .copy {
      color: ButtonText;
    }
  }
`;
