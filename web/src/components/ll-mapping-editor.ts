import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TARGETS, type Mapping } from '../api/organize.js';
import { controls, tokens } from '../styles.js';

/** One select per profile field, offering the file's columns; fires `ll-mapping-change` with the mapping. */
@customElement('ll-mapping-editor')
export class LlMappingEditor extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      .grid { display: grid; gap: 0.75rem 1rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
      label { font-size: 0.9rem; }
    `,
  ];

  @property({ attribute: false }) headers: string[] = [];
  @property({ attribute: false }) mapping: Mapping = {};

  override render() {
    return html`<div class="grid">
      ${TARGETS.map(
        ([target, label]) => html`<div>
          <label for=${`map-${target}`}>${label}</label>
          <select id=${`map-${target}`} data-target=${target} @change=${this._onChange}>
            <option value="" ?selected=${!this.mapping[target]}>— not imported —</option>
            ${this.headers.map((h) => html`<option value=${h} ?selected=${this.mapping[target] === h}>${h}</option>`)}
          </select>
        </div>`,
      )}
    </div>`;
  }

  private _onChange(event: Event) {
    const select = event.target as HTMLSelectElement;
    const target = select.dataset.target!;
    const next: Mapping = {};
    // A column feeds one field: choosing it here takes it from any other.
    for (const [t, h] of Object.entries(this.mapping)) if (t !== target && h !== select.value) next[t] = h;
    if (select.value) next[target] = select.value;
    this.dispatchEvent(new CustomEvent('ll-mapping-change', { detail: next, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-mapping-editor': LlMappingEditor;
  }
}
