import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import type { Me } from '../api/account.js';
import { addToShortlist, createShortlist, listShortlists, signedInRecruiter, type ShortlistSummary } from '../api/workspace.js';
import { controls, tokens } from '../styles.js';

let counter = 0;

/**
 * "Add to shortlist" for a person (result cards, the profile page): a menu of the recruiter's
 * shortlists and a field to start a new one. Shown to signed-in recruiters only.
 */
@customElement('ll-shortlist-button')
export class LlShortlistButton extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: inline-block; position: relative; }
      .toggle { min-height: 2.25rem; padding: 0.35rem 0.75rem; font-size: 0.9rem; }
      .panel { position: absolute; right: 0; z-index: 5; margin-top: 0.35rem; width: min(18rem, calc(100vw - 2rem)); padding: 0.75rem; display: grid; gap: 0.5rem; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; max-height: 14rem; overflow: auto; }
      ul button { width: 100%; justify-content: space-between; min-height: 2.25rem; padding: 0.3rem 0.6rem; font-weight: 500; }
      form { display: flex; gap: 0.4rem; }
      form input { min-height: 2.25rem; padding: 0.3rem 0.5rem; }
      form button { min-height: 2.25rem; padding: 0.3rem 0.7rem; }
      .status { margin: 0; font-size: 0.875rem; color: var(--ll-ok); }
      .muted { color: var(--ll-muted); font-size: 0.875rem; margin: 0; }
    `,
  ];

  @property() slug = '';
  @property() name = '';
  @state() private _me: Me | undefined;
  @state() private _open = false;
  @state() private _lists: ShortlistSummary[] | undefined;
  @state() private _message = '';
  @state() private _error = '';
  private readonly _id = `shortlists-${++counter}`;

  override connectedCallback(): void {
    super.connectedCallback();
    void signedInRecruiter().then((me) => (this._me = me));
  }

  override render() {
    if (!this._me) return nothing;
    return html`
      <button class="toggle secondary" type="button" aria-expanded=${this._open ? 'true' : 'false'} aria-controls=${this._id} @click=${this._toggle}>
        ☆ Add to shortlist
      </button>
      ${this._open
        ? html`<div class="card panel" id=${this._id} @keydown=${this._onKeydown}>
            ${this._lists === undefined
              ? html`<p class="muted" role="status">Loading your shortlists…</p>`
              : this._lists.length
                ? html`<ul aria-label="Your shortlists">
                    ${this._lists.map((l) => html`<li><button type="button" class="secondary" @click=${() => this._add(l)}>${l.name}<span class="muted">${l.count}</span></button></li>`)}
                  </ul>`
                : html`<p class="muted">No shortlist yet: start one.</p>`}
            <form @submit=${this._onCreate}>
              <label class="visually-hidden" for="${this._id}-name">New shortlist name</label>
              <input id="${this._id}-name" name="name" placeholder="New shortlist" maxlength="100" required />
              <button type="submit">Add</button>
            </form>
          </div>`
        : nothing}
      <p class="status" role="status">${this._message}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    `;
  }

  private async _toggle() {
    this._open = !this._open;
    this._message = '';
    if (!this._open) return;
    try {
      this._lists = await listShortlists();
      await this.updateComplete;
      (this.renderRoot.querySelector('ul button, input') as HTMLElement | null)?.focus();
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'Your shortlists could not load.';
    }
  }

  private _onKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    this._open = false;
    void this.updateComplete.then(() => (this.renderRoot.querySelector('.toggle') as HTMLElement | null)?.focus());
  }

  private async _onCreate(event: SubmitEvent) {
    event.preventDefault();
    const name = String(new FormData(event.target as HTMLFormElement).get('name') ?? '').trim();
    if (!name || !this._me) return;
    try {
      await this._add(await createShortlist(this._me, name));
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'The shortlist could not be made.';
    }
  }

  private async _add(list: ShortlistSummary) {
    if (!this._me) return;
    this._error = '';
    try {
      await addToShortlist(this._me, list.id, this.slug);
      this._open = false;
      this._message = `Added ${this.name || 'them'} to “${list.name}”.`;
      await this.updateComplete;
      (this.renderRoot.querySelector('.toggle') as HTMLElement | null)?.focus();
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'Adding to the shortlist did not work.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-shortlist-button': LlShortlistButton;
  }
}
