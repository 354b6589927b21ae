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

  /* A plain grey where color-mix() is missing (Chrome before 111, Safari before 16.2): inside var() it would unset. */
  .term.active {
    background-color: var(--dszd-term-active-background, rgb(128 128 128 / 0.18));
  }

  @supports (color: color-mix(in srgb, red 50%, red)) {
    .term.active {
      background-color: var(
        --dszd-term-active-background,
        color-mix(in srgb, var(--dszd-accent, currentColor) 14%, transparent)
      );
    }
  }

  /* A ring on every focus where :focus-visible is missing (Chrome before 86, Safari before 15.4). */
  .term:focus {
    outline: 2px solid var(--dszd-focus-ring, currentColor);
    outline-offset: 2px;
  }

  .term:focus:not(:focus-visible) {
    outline: none;
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
    .term:focus {
      outline-color: Highlight;
    }
  }
`;
