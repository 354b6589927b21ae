/** The term's shadow styles: a plain string (the element is not a Lit element; the drop-in's first stage has no Lit). */
export const termStyles = /* css */ `
  :host {
    /* A term sits in running text: a host page's * { display: block !important } must not break the line. */
    display: inline !important;
  }

  .term {
    text-decoration-line: underline;
    text-decoration-style: var(--dszd-term-underline-style, dotted);
    text-decoration-color: var(--dszd-term-underline-color, currentColor);
    text-decoration-thickness: var(--dszd-term-underline-thickness, max(1px, 0.09em));
    text-underline-offset: 0.28em;
    text-decoration-skip-ink: none;
    border-radius: 2px;
    cursor: help;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }

  .term.active {
    background-color: rgb(128 128 128 / 0.18);
    background-color: var(
      --dszd-term-active-background,
      color-mix(in srgb, var(--dszd-accent, currentColor) 14%, transparent)
    );
  }

  .term:focus {
    outline: none;
  }

  .term:focus-visible {
    outline: 2px solid var(--dszd-focus-ring, currentColor);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .term {
      text-decoration-color: CanvasText;
    }
    .term.active {
      forced-color-adjust: none;
      background-color: Highlight;
      color: HighlightText;
    }
    .term:focus-visible {
      outline-color: Highlight;
    }
  }
`;
