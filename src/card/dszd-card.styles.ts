import { css } from 'lit';
import { ARROW_SIZE } from './position';
import { visuallyHidden } from './visually-hidden.styles';

// px, never rem: a host page's `html { font-size: 10px }` must not shrink the card.
export const cardStyles = css`
  :host {
    /* The host is only a carrier: the page's CSS, even * { … !important }, cannot give it a box or styles. */
    all: initial !important;
    display: contents !important;
  }

  .card {
    --_background: #ffffff;
    --_color: #1f2328;
    --_muted: #4d5661;
    --_border-color: #c9d1d9;
    --_accent: #0b57d0;
    --_shadow: 0 10px 28px rgb(0 0 0 / 0.16), 0 2px 6px rgb(0 0 0 / 0.08);
    --_hover: rgb(0 0 0 / 0.06);
    --_surface: var(--dszd-card-background, var(--_background));
    --_edge-shadow: rgb(0 0 0 / 0.28);

    /* Undo the popover user-agent styles (inset: 0; margin: auto; padding; border; overflow: auto). */
    position: fixed;
    inset: auto;
    left: 0;
    top: 0;
    margin: 0;
    padding: 0;
    z-index: 2147483647;
    box-sizing: border-box;
    width: max-content;
    min-width: min(260px, calc(100vw - 16px));
    max-width: min(var(--dszd-card-max-width, 420px), calc(100vw - 16px));
    max-height: calc(100vh - 16px);
    display: none;
    flex-direction: column;
    overflow: visible;
    background: var(--dszd-card-background, var(--_background));
    color: var(--dszd-card-color, var(--_color));
    border: var(--dszd-card-border, 1px solid var(--_border-color));
    border-radius: var(--dszd-card-radius, 10px);
    box-shadow: var(--dszd-card-shadow, var(--_shadow));
    font-family: var(
      --dszd-card-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      'Source Han Sans SC',
      'WenQuanYi Micro Hei',
      sans-serif
    );
    font-size: var(--dszd-card-font-size, 17px);
    font-weight: 400;
    font-style: normal;
    line-height: 1.7;
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    white-space: normal;
    overflow-wrap: anywhere;
    line-break: strict;
    cursor: auto;
    color-scheme: light;
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }

  /* Made ahead while closed (see prerender): laid out where it cannot be seen, reached or hit, so that the first open
     lays out only its new texts (on a phone the whole card's first layout was a long frame after the tap). */
  .card.laid-out:not(.open) {
    display: flex;
    visibility: hidden;
    pointer-events: none;
  }

  .card.open {
    display: flex;
    /* laid out, but not seen until placed: never at the top-left corner or where it was before */
    visibility: hidden;
  }

  .card.open.placed {
    visibility: visible;
    animation: dszd-card-fade 120ms ease-out;
  }

  /* The focus ring of the card and of every control in it (buttons, links, the scrolling body, the title focus moves
     to): on every focus where :focus-visible is missing (Chrome before 86, Safari before 15.4). */
  .card:focus,
  .card :focus {
    outline: 3px solid var(--dszd-focus-ring, var(--dszd-accent, var(--_accent)));
    outline-offset: 2px;
  }

  .card:focus:not(:focus-visible),
  .card :focus:not(:focus-visible) {
    outline: none;
  }

  @keyframes dszd-card-fade {
    from {
      opacity: 0;
    }
  }

  .bridge {
    position: absolute;
    display: none;
    background: transparent;
  }

  .bridge.on {
    display: block;
  }

  .arrow {
    position: absolute;
    width: ${ARROW_SIZE}px;
    height: ${ARROW_SIZE}px;
    box-sizing: border-box;
    background: inherit;
    transform: rotate(45deg);
    pointer-events: none;
  }

  .arrow[data-side='bottom'] {
    border-top: var(--dszd-card-border, 1px solid var(--_border-color));
    border-left: var(--dszd-card-border, 1px solid var(--_border-color));
  }

  .arrow[data-side='top'] {
    border-bottom: var(--dszd-card-border, 1px solid var(--_border-color));
    border-right: var(--dszd-card-border, 1px solid var(--_border-color));
  }

  .arrow[data-side='right'] {
    border-bottom: var(--dszd-card-border, 1px solid var(--_border-color));
    border-left: var(--dszd-card-border, 1px solid var(--_border-color));
  }

  .arrow[data-side='left'] {
    border-top: var(--dszd-card-border, 1px solid var(--_border-color));
    border-right: var(--dszd-card-border, 1px solid var(--_border-color));
  }

  .header {
    display: flex;
    align-items: flex-start;
    gap: 8px;
    padding: 10px 8px 2px 16px;
    flex: none;
  }

  .title {
    flex: 1 1 auto;
    min-width: 0;
    padding-top: 3px;
    font-size: 1.15em;
    font-weight: 700;
    line-height: 1.5;
  }

  .close {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
    width: 36px;
    height: 36px;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: var(--_muted);
    font: inherit;
    cursor: pointer;
  }

  .close:hover {
    background: var(--_hover);
    color: inherit;
  }

  .close svg,
  .body {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 2px 16px 14px;
  }

  /* A long card scrolls inside: a shadow at the cut edge says so. The two covers scroll with the content (local) and
     hide each shadow once that end is reached (scroll shadows; no script, no layout). */
  .body {
    background:
      linear-gradient(var(--_surface) 30%, transparent) top / 100% 28px no-repeat local,
      linear-gradient(transparent, var(--_surface) 70%) bottom / 100% 28px no-repeat local,
      radial-gradient(farthest-side at 50% 0, var(--_edge-shadow), transparent) top / 100% 12px no-repeat
        scroll,
      radial-gradient(farthest-side at 50% 100%, var(--_edge-shadow), transparent) bottom / 100% 12px
        no-repeat scroll;
  }

  p {
    margin: 0 0 8px;
  }

  .notes {
    margin: 10px 0 8px;
    color: var(--_muted);
  }

  .meta {
    margin: 10px 0 0;
    padding-top: 8px;
    border-top: 1px solid var(--_border-color);
    font-size: 15px;
    line-height: 1.6;
    color: var(--_muted);
  }

  .meta p {
    margin: 0 0 2px;
  }

  .meta .value {
    /* Break the source line at its spaces, not inside 浙江省发展和改革委员会 (overflow-wrap still saves narrow cards). */
    word-break: keep-all;
  }

  .link {
    display: inline-block;
    margin-top: 6px;
    padding: 2px 0;
    color: var(--dszd-accent, var(--_accent));
    text-decoration: underline;
    text-underline-offset: 3px;
  }

  .back {
    flex: none;
    white-space: nowrap;
    display: inline-flex;
    align-items: center;
    gap: 2px;
    box-sizing: border-box;
    min-height: 36px;
    margin: 0;
    padding: 0 8px 0 2px;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: var(--dszd-accent, var(--_accent));
    font: inherit;
    font-size: 15px;
    cursor: pointer;
  }
  .back:hover {
    background: var(--_hover);
  }
  /* Buttons that read as links: a related term inside the text, the unit toggle. */
  .ref,
  .unit-toggle {
    display: inline;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--dszd-accent, var(--_accent));
    font: inherit;
    line-height: inherit;
    text-align: inherit;
    text-decoration: underline;
    text-underline-offset: 3px;
    cursor: pointer;
  }
  .unit-toggle {
    margin-inline-start: 0.5em;
    /* A comfortable target on a phone although it reads as a link. */
    padding: 4px 2px;
  }
  .unit-name {
    display: block;
    color: var(--dszd-card-color, var(--_color));
  }
  .unit-name[hidden] {
    display: none;
  }
  .related {
    margin: 0 0 6px;
  }
  .related-list {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 4px 0 0;
    padding: 0;
    list-style: none;
  }
  .related-button,
  .copy {
    box-sizing: border-box;
    min-height: 32px;
    margin: 0;
    padding: 2px 10px;
    border: 1px solid var(--_border-color);
    border-radius: 16px;
    background: transparent;
    color: var(--dszd-accent, var(--_accent));
    font: inherit;
    font-size: 15px;
    cursor: pointer;
  }
  .related-button:hover,
  .copy:hover {
    background: var(--_hover);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-top: 6px;
  }
  .copy-status:empty {
    display: none;
  }

  ${visuallyHidden}

  @media (prefers-color-scheme: dark) {
    .card {
      --_background: #1f2124;
      --_color: #e8eaed;
      --_muted: #b4bac2;
      --_border-color: #4a4f57;
      --_accent: #8ab4f8;
      --_shadow: 0 10px 28px rgb(0 0 0 / 0.55);
      --_hover: rgb(255 255 255 / 0.1);
      --_edge-shadow: rgb(255 255 255 / 0.25);
      color-scheme: dark;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .card.open.placed {
      animation: none;
    }
  }

  @media print {
    .card.open {
      display: none;
    }
  }

  @media (forced-colors: active) {
    .card {
      border: 1px solid CanvasText;
      box-shadow: none;
    }
    .arrow {
      forced-color-adjust: none;
      background: Canvas;
      border-color: CanvasText;
    }
    .link,
    .ref,
    .unit-toggle,
    .back {
      color: LinkText;
    }
    .related-button,
    .copy {
      color: ButtonText;
      border-color: ButtonText;
    }
    .close {
      color: ButtonText;
      border: 1px solid ButtonText;
    }
    .card:focus,
    .card :focus {
      outline-color: Highlight;
    }
  }
`;
