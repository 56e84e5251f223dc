import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import type { Me } from '../api/account.js';
import { exportUrl, getShortlist, removeFromShortlist, updateNote, type ShortlistEntry } from '../api/workspace.js';
import { countryName } from '../../../common/labels.js';
import { controls, tokens } from '../styles.js';

/** One shortlist: its people with a private note each, remove, export. Fires `ll-shortlist-changed`. */
@customElement('ll-shortlist-detail')
export class LlShortlistDetail extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      .head { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between; margin-bottom: 0.75rem; }
      h3 { margin: 0; font-size: 1.1rem; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
      li { padding: 0.9rem 1rem; display: grid; gap: 0.4rem; }
      .who a { font-weight: 700; color: var(--ll-text); }
      .who p { margin: 0.1rem 0 0; color: var(--ll-muted); font-size: 0.9rem; }
      .gone { color: var(--ll-muted); font-style: italic; margin: 0; }
      form { display: grid; gap: 0.4rem; }
      textarea { min-height: 3.5rem; resize: vertical; }
      .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      .row button, .row .button { min-height: 2.25rem; padding: 0.3rem 0.8rem; font-size: 0.9rem; }
      .saved { color: var(--ll-ok); font-size: 0.875rem; }
      .empty { color: var(--ll-muted); }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ type: Number }) listId = 0;
  @state() private _saved = new Set<number>();
  @state() private _error = '';

  private _list = new Task(this, {
    task: ([id], { signal }) => getShortlist(id, signal),
    args: () => [this.listId] as const,
  });

  override render() {
    return this._list.render({
      pending: () => html`<p role="status">Loading the shortlist…</p>`,
      error: (err) => html`<p class="error" role="alert">${err instanceof ApiError ? err.message : 'The shortlist could not load.'}</p>`,
      complete: (list) => html`
        <div class="head">
          <h3>${list.name} <span class="hint">(${list.entries.length} ${list.entries.length === 1 ? 'person' : 'people'})</span></h3>
          ${list.entries.length ? html`<a class="button secondary" href=${exportUrl(list.id)} download>Export CSV</a>` : nothing}
        </div>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${list.entries.length === 0
          ? html`<p class="empty">No one yet. Use “Add to shortlist” on a search result or a profile.</p>`
          : html`<ol>${list.entries.map((e) => this._entry(e))}</ol>`}
      `,
    });
  }

  private _entry(e: ShortlistEntry) {
    const p = e.profile;
    const noteId = `note-${e.id}`;
    const place = p ? [p.city, p.country ? countryName(p.country) : null].filter(Boolean).join(', ') : '';
    return html`<li class="card">
      ${p
        ? html`<div class="who"><a href="/p/${encodeURIComponent(p.slug)}">${p.name}</a>
            <p>${[p.headline ?? p.role, place, p.formerEmployer ? `ex-${p.formerEmployer.name}` : null].filter(Boolean).join(' · ')}</p></div>`
        : html`<p class="gone">No longer listed: this person hid or removed their profile, or found a job.</p>`}
      <form @submit=${(event: SubmitEvent) => this._onNote(event, e)}>
        <label for=${noteId}>Private note${p ? html`<span class="visually-hidden"> about ${p.name}</span>` : nothing}</label>
        <textarea id=${noteId} name="note" maxlength="2000" .value=${e.note} @input=${() => this._unsave(e.id)}></textarea>
        <div class="row">
          <button type="submit" class="secondary">Save note</button>
          <button type="button" class="secondary" @click=${() => this._onRemove(e)}>Remove${p ? html`<span class="visually-hidden"> ${p.name}</span>` : nothing}</button>
          ${this._saved.has(e.id) ? html`<span class="saved" role="status">Saved</span>` : nothing}
        </div>
      </form>
    </li>`;
  }

  private _unsave(id: number) {
    if (!this._saved.has(id)) return;
    this._saved = new Set([...this._saved].filter((s) => s !== id));
  }

  private async _onNote(event: SubmitEvent, e: ShortlistEntry) {
    event.preventDefault();
    const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '');
    try {
      await updateNote(this.me, this.listId, e.id, note);
      this._saved = new Set([...this._saved, e.id]);
      this._error = '';
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'The note could not be saved.';
    }
  }

  private async _onRemove(e: ShortlistEntry) {
    try {
      await removeFromShortlist(this.me, this.listId, e.id);
      this._error = '';
      await this._list.run();
      this.dispatchEvent(new CustomEvent('ll-shortlist-changed', { bubbles: true, composed: true }));
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'Removing did not work.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-shortlist-detail': LlShortlistDetail;
  }
}
