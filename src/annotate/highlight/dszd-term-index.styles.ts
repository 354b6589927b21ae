import { css } from 'lit';

// The card's custom properties theme the list too: one look for both.
export const termIndexStyles = css`
  :host {
    all: initial !important;
    display: block !important;
    position: fixed !important;
    top: 8px !important;
    left: 8px !important;
    z-index: 2147483646 !important;
    width: 0 !important;
    height: 0 !important;
    overflow: visible !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  .box {
    position: absolute;
    top: 0;
    left: 0;
    width: max-content;
    max-width: min(360px, calc(100vw - 16px));
    font-family: var(
      --dszd-card-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    font-size: var(--dszd-card-font-size, 17px);
    line-height: 1.6;
    color: var(--dszd-card-color, #1f2328);
  }
  .toggle {
    font: inherit;
    color: #ffffff;
    background: var(--dszd-accent, #0b57d0);
    border: 0;
    border-radius: 6px;
    padding: 6px 14px;
    min-height: 44px;
    cursor: pointer;
  }
  .toggle:focus-visible {
    outline: 3px solid var(--dszd-focus-ring, #1f2328);
    outline-offset: 2px;
  }
  /* A skip link: out of sight until it has focus or its list is open. */
  .toggle:not(:focus):not([aria-expanded='true']) {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .panel {
    margin-top: 6px;
    padding: 8px 14px 10px;
    background: var(--dszd-card-background, #ffffff);
    border: var(--dszd-card-border, 1px solid #c9d1d9);
    border-radius: var(--dszd-card-radius, 10px);
    box-shadow: var(--dszd-card-shadow, 0 10px 28px rgb(0 0 0 / 0.16));
    max-height: 60vh;
    overflow: auto;
  }
  .panel[hidden] {
    display: none;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    padding: 4px 0;
  }
  .hint {
    margin: 8px 0 0;
    font-size: 0.8em;
    color: var(--dszd-card-muted, #4d5661);
  }
  @media (prefers-color-scheme: dark) {
    .box {
      color: var(--dszd-card-color, #e8eaed);
    }
    .panel {
      background: var(--dszd-card-background, #1f2124);
    }
    .hint {
      color: var(--dszd-card-muted, #bdc1c6);
    }
  }
  @media (forced-colors: active) {
    .toggle,
    .panel {
      border: 1px solid CanvasText;
    }
  }
`;
