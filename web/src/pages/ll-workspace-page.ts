import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import type { Me } from '../api/account.js';
import { roleLabel, signedIn } from '../session.js';
import {
  createShortlist,
  deleteSavedSearch,
  deleteShortlist,
  listSavedSearches,
  listShortlists,
  signedInRecruiter,
  updateSavedSearch,
  type Cadence,
  type SavedSearch,
  type ShortlistSummary,
} from '../api/workspace.js';
import '../components/ll-shortlist-detail.js';
import '../components/ll-sign-in-form.js';
import { dateLabel } from '../labels.js';
import { countryName, remoteLabel, seniorityLabel, workAuthorizationLabel } from '../../../common/labels.js';
import { controls, notices, page, tokens } from '../styles.js';

const PARAM_LABELS: Record<string, string> = {
  q: 'Words', skills: 'Skills', anySkills: 'Any of', country: 'Country', region: 'Region', employer: 'Former employer',
  seniority: 'Seniority', remote: 'Work style', list: 'List', workAuthorization: 'Work authorization', relocation: 'Relocation',
  layoffFrom: 'Laid off since', layoffTo: 'Laid off by', yearsMin: 'Years, at least', yearsMax: 'Years, at most', sort: 'Order',
};

const VALUE_LABELS: Record<string, (value: string) => string> = {
  country: countryName, seniority: seniorityLabel, remote: remoteLabel, workAuthorization: workAuthorizationLabel,
};

/** "Skills: Go, Rust · Country: Germany" */
const describe = (query: string) =>
  [...new URLSearchParams(query)]
    .map(([k, v]) => `${PARAM_LABELS[k] ?? k}: ${v.split(',').map(VALUE_LABELS[k] ?? ((x) => x)).join(', ')}`)
    .join(' · ') || 'Everyone';

/** The recruiter's workspace: saved searches (run, alert cadence, delete) and shortlists. */
@customElement('ll-workspace-page')
export class LlWorkspacePage extends LitElement {
  static override styles = [
    tokens,
    controls,
    page,
    notices,
    css`
      section { margin-bottom: 2rem; }
      h2 { font-size: 1.3rem; margin: 0 0 0.75rem; }
      ul.items { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
      .item { padding: 0.9rem 1rem; display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: center; }
      .item .what { flex: 1 1 16rem; min-width: 0; }
      .item .what strong { display: block; overflow-wrap: anywhere; }
      .item .what span { color: var(--ll-muted); font-size: 0.9rem; overflow-wrap: anywhere; }
      .item select { width: auto; min-height: 2.25rem; padding: 0.3rem 0.5rem; }
      .item button, .item .button { min-height: 2.25rem; padding: 0.3rem 0.8rem; }
      .item label { margin: 0; }
      .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      .item[aria-current='true'] { border-color: var(--ll-accent); }
      form.new { display: flex; gap: 0.5rem; max-width: 30rem; margin-top: 0.75rem; }
      ll-shortlist-detail { margin-top: 1rem; }
      .empty { color: var(--ll-muted); }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};
  /** undefined while asking, null when no recruiter is signed in. */
  @state() private _me: Me | null | undefined;
  @state() private _searches: SavedSearch[] = [];
  @state() private _lists: ShortlistSummary[] = [];
  @state() private _open: number | undefined;
  @state() private _error = '';
  /** Whoever is signed in, recruiter or not. */
  @state() private _signedIn: Me | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load() {
    this._signedIn = await signedIn();
    this._me = (await signedInRecruiter()) ?? null;
    if (!this._me) return;
    try {
      const signal = new AbortController().signal;
      [this._searches, this._lists] = await Promise.all([listSavedSearches(signal), listShortlists(signal)]);
      this._error = '';
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'Your workspace could not load. Try again.';
    }
  }

  override render() {
    if (this._me === undefined) return html`<p role="status">Loading…</p>`;
    if (this._me === null && this._signedIn) {
      return html`<h1>Your workspace</h1>
        <p class="lead">Saved searches and shortlists are for verified recruiters. You are signed in as ${this._signedIn.email}
          (${roleLabel(this._signedIn)}): <a href="/account">see your account</a>${this._signedIn.role === 'recruiter' ? nothing : html`, or <a href="/recruiters/join">create a recruiter account</a>`}.</p>`;
    }
    if (this._me === null) {
      return html`<h1>Your workspace</h1>
        <p class="lead">Saved searches that mail you new people, and shortlists with your notes, for verified recruiters.</p>
        <ll-sign-in-form @ll-signed-in=${this._onSignedIn}></ll-sign-in-form>`;
    }
    return html`<h1>Your workspace</h1>
      <p class="lead">Saved searches mail you the people new to them; shortlists keep the people you want to call, with your private notes.</p>
      ${this._error ? html`<section class="notice error" role="alert"><p>${this._error}</p></section>` : nothing}
      <section aria-labelledby="searches">
        <h2 id="searches">Saved searches</h2>
        ${this._searches.length === 0
          ? html`<p class="empty">None yet. Search, then use “Save this search”. <a href="/">Go to search</a></p>`
          : html`<ul class="items">${this._searches.map((s) => this._search(s))}</ul>`}
      </section>
      <section aria-labelledby="lists">
        <h2 id="lists">Shortlists</h2>
        ${this._lists.length === 0 ? html`<p class="empty">None yet. Start one here, or from “Add to shortlist” on a result.</p>` : nothing}
        <ul class="items">${this._lists.map((l) => this._list(l))}</ul>
        <form class="new" @submit=${this._onCreate}>
          <label class="visually-hidden" for="new-list">New shortlist name</label>
          <input id="new-list" name="name" placeholder="New shortlist name" maxlength="100" required />
          <button type="submit">Create</button>
        </form>
        ${this._open !== undefined
          ? html`<ll-shortlist-detail .me=${this._me} .listId=${this._open} @ll-shortlist-changed=${this._refreshLists}></ll-shortlist-detail>`
          : nothing}
      </section>`;
  }

  private _search(s: SavedSearch) {
    const cadenceId = `cadence-${s.id}`;
    return html`<li class="card item">
      <div class="what"><strong>${s.name}</strong><span>${describe(s.query)}</span></div>
      <div class="controls">
        <label for=${cadenceId} class="hint">Alerts</label>
        <select id=${cadenceId} @change=${(e: Event) => this._onCadence(s, (e.target as HTMLSelectElement).value as Cadence)}>
          <option value="daily" ?selected=${s.alert === 'daily'}>Daily</option>
          <option value="weekly" ?selected=${s.alert === 'weekly'}>Weekly</option>
          <option value="off" ?selected=${s.alert === 'off'}>Off</option>
        </select>
        <a class="button" href="/?${s.query ? `${s.query}&` : ''}saved=${s.id}">Run<span class="visually-hidden"> ${s.name}</span></a>
        <button type="button" class="secondary" @click=${() => this._onDeleteSearch(s)}>Delete<span class="visually-hidden"> ${s.name}</span></button>
      </div>
    </li>`;
  }

  private _list(l: ShortlistSummary) {
    const open = this._open === l.id;
    return html`<li class="card item" aria-current=${open ? 'true' : 'false'}>
      <div class="what"><strong>${l.name}</strong><span>${l.count} ${l.count === 1 ? 'person' : 'people'} · updated ${dateLabel(l.updatedAt.slice(0, 10))}</span></div>
      <div class="controls">
        <button type="button" aria-expanded=${open ? 'true' : 'false'} @click=${() => (this._open = open ? undefined : l.id)}>
          ${open ? 'Close' : 'Open'}<span class="visually-hidden"> ${l.name}</span></button>
        <button type="button" class="secondary" @click=${() => this._onDeleteList(l)}>Delete<span class="visually-hidden"> ${l.name}</span></button>
      </div>
    </li>`;
  }

  private _onSignedIn = () => {
    void this._load();
  };

  private _refreshLists = async () => {
    this._lists = await listShortlists();
  };

  private async _act(what: () => Promise<unknown>, failure: string) {
    try {
      await what();
      this._error = '';
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : failure;
    }
  }

  private _onCadence(s: SavedSearch, alert: Cadence) {
    return this._act(async () => {
      const updated = await updateSavedSearch(this._me!, s.id, { alert });
      this._searches = this._searches.map((x) => (x.id === s.id ? updated : x));
    }, 'The alert could not be changed.');
  }

  private _onDeleteSearch(s: SavedSearch) {
    if (!confirm(`Delete the saved search “${s.name}”? Its alerts stop.`)) return;
    return this._act(async () => {
      await deleteSavedSearch(this._me!, s.id);
      this._searches = this._searches.filter((x) => x.id !== s.id);
    }, 'The saved search could not be deleted.');
  }

  private _onDeleteList(l: ShortlistSummary) {
    if (!confirm(`Delete the shortlist “${l.name}” and its notes?`)) return;
    return this._act(async () => {
      await deleteShortlist(this._me!, l.id);
      if (this._open === l.id) this._open = undefined;
      this._lists = this._lists.filter((x) => x.id !== l.id);
    }, 'The shortlist could not be deleted.');
  }

  private _onCreate(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) return;
    return this._act(async () => {
      const created = await createShortlist(this._me!, name);
      this._lists = [created, ...this._lists];
      this._open = created.id;
      form.reset();
    }, 'The shortlist could not be made.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-workspace-page': LlWorkspacePage;
  }
}
