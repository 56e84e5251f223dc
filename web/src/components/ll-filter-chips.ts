import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, tokens } from '../styles.js';

export interface Chip {
  /** The URL parameter the chip stands for. */
  key: string;
  /** One of its values (facets hold several). */
  value: string;
  label: string;
}

/** Active filters as removable chips, and "Clear all": `ll-chip-remove` { key, value }, `ll-chips-clear`. */
@customElement('ll-filter-chips')
export class LlFilterChips extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      ul { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; margin: 0; padding: 0; align-items: center; }
      button.chip {
        min-height: 2rem; padding: 0.2rem 0.35rem 0.2rem 0.7rem; border-radius: 999px; font-weight: 500; font-size: 0.9rem;
        background: var(--ll-accent-soft); color: var(--ll-accent-strong); border: 1px solid transparent;
      }
      button.chip:hover { border-color: var(--ll-accent); background: var(--ll-accent-soft); }
      .x { display: inline-grid; place-items: center; width: 1.3rem; height: 1.3rem; border-radius: 50%; background: rgb(15 118 110 / 15%); font-size: 0.85rem; line-height: 1; }
      button.clear { min-height: 2rem; padding: 0.2rem 0.6rem; background: none; border: 0; color: var(--ll-accent-strong); text-decoration: underline; font-weight: 600; }
      button.clear:hover { background: none; color: var(--ll-text); }
    `,
  ];

  @property({ attribute: false }) chips: Chip[] = [];

  override render() {
    if (this.chips.length === 0) return nothing;
    return html`
      <ul aria-label="Active filters">
        ${this.chips.map(
          (chip) => html`<li>
            <button class="chip" type="button" aria-label="Remove filter ${chip.label}" @click=${() => this._remove(chip)}>
              ${chip.label} <span class="x" aria-hidden="true">✕</span>
            </button>
          </li>`,
        )}
        <li><button class="clear" type="button" @click=${this._clear}>Clear all</button></li>
      </ul>
    `;
  }

  private _remove(chip: Chip) {
    this.dispatchEvent(new CustomEvent('ll-chip-remove', { bubbles: true, composed: true, detail: { key: chip.key, value: chip.value } }));
  }

  private _clear() {
    this.dispatchEvent(new CustomEvent('ll-chips-clear', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-filter-chips': LlFilterChips;
  }
}
