import { css } from 'lit';

/** Design tokens, shared by every element. */
export const tokens = css`
  :host {
    --ll-accent: #0f766e;
    --ll-accent-strong: #115e59;
    --ll-accent-soft: #ccfbf1;
    --ll-text: #1c2430;
    --ll-muted: #5b6675;
    --ll-border: #d9dee5;
    --ll-surface: #ffffff;
    --ll-page: #f6f7f9;
    --ll-danger: #b42318;
    --ll-danger-soft: #fef3f2;
    --ll-ok: #067647;
    --ll-radius: 10px;
    --ll-shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 10%);
    --ll-focus: 0 0 0 3px rgb(15 118 110 / 35%);
  }
`;

/** Buttons, fields and the small shared pieces of every form. */
export const controls = css`
  /* global.css cannot reach into shadow roots: widths of fields and buttons include their padding here too. */
  *, *::before, *::after { box-sizing: border-box; }
  button, .button {
    font: inherit;
    font-weight: 600;
    border-radius: 8px;
    border: 1px solid var(--ll-accent);
    background: var(--ll-accent);
    color: #fff;
    padding: 0.55rem 1rem;
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.5rem;
  }
  button:hover, .button:hover { background: var(--ll-accent-strong); }
  button.secondary, .button.secondary { background: var(--ll-surface); color: var(--ll-accent-strong); border-color: var(--ll-border); }
  button.secondary:hover, .button.secondary:hover { background: var(--ll-page); }
  button.danger { background: var(--ll-danger); border-color: var(--ll-danger); }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  button:focus-visible, .button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
    outline: none;
    box-shadow: var(--ll-focus);
  }
  input, select, textarea {
    font: inherit;
    color: inherit;
    border: 1px solid var(--ll-border);
    border-radius: 8px;
    padding: 0.5rem 0.65rem;
    background: var(--ll-surface);
    width: 100%;
    min-height: 2.5rem;
  }
  input[type='checkbox'], input[type='radio'] { width: auto; min-height: auto; }
  label { font-weight: 600; display: block; margin-bottom: 0.25rem; }
  .hint { color: var(--ll-muted); font-size: 0.875rem; font-weight: 400; }
  .error { color: var(--ll-danger); font-size: 0.875rem; }
  .card { background: var(--ll-surface); border: 1px solid var(--ll-border); border-radius: var(--ll-radius); box-shadow: var(--ll-shadow); }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
  }
`;

/** The frame of a page: a readable width, a heading, a lead paragraph. */
export const page = css`
  :host { display: block; max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.5rem; }
  .lead { color: var(--ll-muted); margin: 0 0 1.5rem; max-width: 44rem; }
  a { color: var(--ll-accent-strong); }
`;
