import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ImportCounts } from '../api/organize.js';
import { tokens } from '../styles.js';

const LABELS: [keyof ImportCounts, string][] = [
  ['total', 'Rows'], ['created', 'New'], ['updated', 'Updated'], ['unchanged', 'Unchanged'], ['skipped', 'Skipped'], ['failed', 'Failed'],
  // A synced sheet only: people the sheet no longer names.
  ['removed', 'Left the list'],
];

/** An import's counts, as a row of figures. */
@customElement('ll-import-counts')
export class LlImportCounts extends LitElement {
  static override styles = [
    tokens,
    css`
      :host { display: block; }
      dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr)); gap: 0.5rem; margin: 0; }
      div { background: var(--ll-page); border-radius: 8px; padding: 0.5rem 0.75rem; }
      dt { color: var(--ll-muted); font-size: 0.85rem; }
      dd { margin: 0; font-size: 1.35rem; font-weight: 700; }
      .failed.some dd { color: var(--ll-danger); }
    `,
  ];

  @property({ attribute: false }) counts!: ImportCounts;

  override render() {
    const shown = LABELS.flatMap(([key, label]) => {
      const value = this.counts[key];
      return value === undefined ? [] : [{ key, label, value }];
    });
    return html`<dl>${shown.map(({ key, label, value }) => html`<div class="${key} ${value > 0 ? 'some' : ''}"><dt>${label}</dt><dd>${value.toLocaleString()}</dd></div>`)}</dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-import-counts': LlImportCounts;
  }
}
