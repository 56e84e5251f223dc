import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import type { Me } from '../api/account.js';
import { saveSearch, signedInRecruiter, type Cadence, type SavedSearch } from '../api/workspace.js';
import { controls, tokens } from '../styles.js';

/** "Save this search" on the Search page: a name and how often to mail new matches. Signed-in recruiters only. */
@customElement('ll-save-search')
export class LlSaveSearch extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      .toggle { min-height: 2.25rem; padding: 0.35rem 0.8rem; }
      form { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: end; padding: 0.9rem 1rem; margin-top: 0.5rem; }
      form > div { flex: 1 1 12rem; }
      form > div.cadence { flex: 0 1 10rem; }
      .done { margin: 0.5rem 0 0; color: var(--ll-ok); font-weight: 600; }
      a { color: var(--ll-accent-strong); }
    `,
  ];

  /** The search's query string, as the Search page's URL holds it. */
  @property() query = '';
  /** A name to start from (what the search is about). */
  @property() suggestedName = '';
  @state() private _me: Me | undefined;
  @state() private _open = false;
  @state() private _saved: SavedSearch | undefined;
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void signedInRecruiter().then((me) => (this._me = me));
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) this._saved = undefined;
  }

  override render() {
    if (!this._me) return nothing;
    if (this._saved) {
      return html`<p class="done" role="status">Saved as “${this._saved.name}”${this._saved.alert === 'off' ? '' : `, with ${this._saved.alert} alerts`}. <a href="/workspace">Open your workspace</a></p>`;
    }
    return html`
      <button class="toggle secondary" type="button" aria-expanded=${this._open ? 'true' : 'false'} aria-controls="save-form" @click=${this._toggle}>
        Save this search
      </button>
      ${this._open
        ? html`<form id="save-form" class="card" @submit=${this._onSubmit}>
            <div>
              <label for="name">Name of this search</label>
              <input id="name" name="name" maxlength="100" required .value=${this.suggestedName} />
            </div>
            <div class="cadence">
              <label for="alert">Email me new matches</label>
              <select id="alert" name="alert">
                <option value="daily">Daily</option>
                <option value="weekly" selected>Weekly</option>
                <option value="off">Never</option>
              </select>
            </div>
            <button type="submit">Save</button>
            ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
          </form>`
        : nothing}
    `;
  }

  private async _toggle() {
    this._open = !this._open;
    if (this._open) {
      await this.updateComplete;
      (this.renderRoot.querySelector('#name') as HTMLInputElement | null)?.focus();
    }
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this._me) return;
    const form = new FormData(event.target as HTMLFormElement);
    try {
      this._saved = await saveSearch(this._me, { name: String(form.get('name') ?? ''), query: this.query, alert: String(form.get('alert')) as Cadence });
      this._open = false;
      this._error = '';
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'Saving did not work. Try again.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-save-search': LlSaveSearch;
  }
}
