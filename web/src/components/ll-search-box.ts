import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { controls, tokens } from '../styles.js';

/**
 * The search field. `ll-query-input` on every keystroke (the page debounces it into the URL),
 * `ll-query-commit` on Enter.
 */
@customElement('ll-search-box')
export class LlSearchBox extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      form { display: flex; gap: 0.5rem; }
      .field { position: relative; flex: 1; }
      svg { position: absolute; left: 0.8rem; top: 50%; transform: translateY(-50%); width: 1.15rem; height: 1.15rem; color: var(--ll-muted); pointer-events: none; }
      input { padding-left: 2.5rem; min-height: 3rem; font-size: 1.05rem; border-radius: var(--ll-radius); box-shadow: var(--ll-shadow); }
      button { min-height: 3rem; padding: 0 1.25rem; border-radius: var(--ll-radius); }
      @media (max-width: 480px) { button { display: none; } }
    `,
  ];

  @property() value = '';

  override render() {
    return html`
      <form role="search" @submit=${this._onSubmit}>
        <div class="field">
          <label class="visually-hidden" for="q">Search by skill, role, name or former employer</label>
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
            <circle cx="11" cy="11" r="7"></circle><path d="m20 20-3.5-3.5"></path>
          </svg>
          <input
            id="q"
            type="search"
            name="q"
            maxlength="200"
            autocomplete="off"
            spellcheck="false"
            placeholder="Skill, role, name or former employer — e.g. Kubernetes, data scientist"
            .value=${live(this.value)}
            @input=${this._onInput}
          />
        </div>
        <button type="submit">Search</button>
      </form>
    `;
  }

  override focus() {
    this.renderRoot.querySelector('input')?.focus();
  }

  private _onInput(event: InputEvent) {
    const value = (event.target as HTMLInputElement).value;
    this.dispatchEvent(new CustomEvent('ll-query-input', { bubbles: true, composed: true, detail: { value } }));
  }

  private _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const value = this.renderRoot.querySelector('input')?.value ?? '';
    this.dispatchEvent(new CustomEvent('ll-query-commit', { bubbles: true, composed: true, detail: { value } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-search-box': LlSearchBox;
  }
}
