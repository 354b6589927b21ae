import { css } from 'lit';

/** `.visually-hidden`: read by screen readers, not shown (card labels, the glossary's copy announcements). */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
