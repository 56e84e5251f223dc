import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import {
  getSource, mappingOverride, previewSource, setSource, syncSource, watchImport,
  type ImportStatus, type LayoffList, type Mapping, type Me, type SheetSource, type SyncCadence,
} from '../api/organize.js';
import { peopleLabel } from '../labels.js';
import { controls, tokens } from '../styles.js';
import './ll-import-counts.js';
import './ll-import-preview.js';
import './ll-mapping-editor.js';

const CADENCES: [SyncCadence, string][] = [['hourly', 'Every hour'], ['daily', 'Every day'], ['off', 'Only when I click "Sync now"']];
const CADENCE_WORDS: Record<SyncCadence, string> = { hourly: 'every hour', daily: 'every day', off: 'only when you sync it' };

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * "Follow a sheet": the list keeps up with its Google Sheet or Airtable view. Paste the link,
 * see the same dry run as an upload, confirm consent and a cadence, save; then the sync's
 * status (last run, failures, paused and why) with "Sync now" and "Resume".
 */
@customElement('ll-sheet-follow')
export class LlSheetFollow extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      .row { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: flex-end; }
      .row > div { flex: 1 1 16rem; min-width: 0; }
      input[type='url'] { width: 100%; box-sizing: border-box; }
      .actions { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; margin-top: 1rem; }
      .consent { display: flex; gap: 0.6rem; align-items: flex-start; font-weight: 400; background: var(--ll-page); padding: 0.75rem; border-radius: 8px; margin-top: 1rem; }
      .consent input { margin-top: 0.3rem; }
      fieldset { border: 0; padding: 0; margin: 1rem 0 0; }
      legend { font-weight: 600; margin-bottom: 0.25rem; }
      .cadence { display: flex; gap: 0.5rem 1rem; flex-wrap: wrap; }
      .cadence label { font-weight: 400; display: flex; gap: 0.35rem; align-items: center; }
      .problem { background: var(--ll-danger-soft); color: var(--ll-danger); padding: 0.75rem; border-radius: 8px; }
      .status dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
      .status dt { color: var(--ll-muted); }
      .status dd { margin: 0; overflow-wrap: anywhere; }
      .ok { color: var(--ll-ok); font-weight: 600; }
      h3 { font-size: 1rem; margin: 1rem 0 0.5rem; }
      details { margin-top: 1rem; }
      summary { cursor: pointer; font-weight: 600; }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) list!: LayoffList;
  @state() private _editing = false;
  @state() private _url = '';
  @state() private _every: SyncCadence = 'daily';
  @state() private _attest = false;
  @state() private _preview: ImportStatus | undefined;
  /** The organizer's choice of columns, once they change the detected one. */
  @state() private _mapping: Mapping | undefined;
  @state() private _busy: 'preview' | 'save' | 'sync' | undefined;
  @state() private _message = '';
  @state() private _error = '';
  private _abort = new AbortController();

  private _source = new Task(this, {
    task: ([slug], { signal }) => getSource(slug, signal),
    args: () => [this.list.slug] as const,
  });

  override disconnectedCallback(): void {
    this._abort.abort();
    super.disconnectedCallback();
  }

  override render() {
    return this._source.render({
      pending: () => html`<p class="hint" role="status">Checking whether this list follows a sheet…</p>`,
      error: () => html`<p class="problem" role="alert">The sheet settings could not be loaded. <button class="secondary" @click=${() => this._source.run()}>Try again</button></p>`,
      complete: (source) => (source && !this._editing ? this._renderStatus(source) : this._renderForm(source)),
    });
  }

  private _renderStatus(source: SheetSource) {
    return html`<div class="status">
      <dl>
        <dt>Sheet</dt><dd><a href=${source.url} target="_blank" rel="noopener noreferrer">${source.url}</a></dd>
        <dt>Syncs</dt><dd>${source.paused ? 'Paused' : CADENCE_WORDS[source.every]}</dd>
        <dt>Last sync</dt><dd>${source.lastRunAt ? when(source.lastRunAt) : 'Not yet'}</dd>
        ${source.failures > 0 ? html`<dt>Failures</dt><dd>${source.failures} in a row</dd>` : nothing}
      </dl>
      ${source.paused
        ? html`<p class="problem" role="alert">Syncing is paused after ${source.failures} failures in a row; the list was left as it was.
            ${source.lastError ? html`<br />${source.lastError}` : nothing}</p>`
        : source.lastError
          ? html`<p class="problem" role="alert">The last sync failed: ${source.lastError}</p>`
          : nothing}
      ${this._message ? html`<p class="ok" role="status">${this._message}</p>` : nothing}
      ${this._error ? html`<p class="problem" role="alert">${this._error}</p>` : nothing}
      <div class="actions">
        <button @click=${this._onSyncNow} ?disabled=${this._busy !== undefined}>${this._busy === 'sync' ? 'Syncing…' : 'Sync now'}</button>
        ${source.paused
          ? html`<button class="secondary" @click=${() => this._onResume(source)} ?disabled=${this._busy !== undefined}>Resume syncing</button>`
          : nothing}
        <button class="secondary" @click=${() => this._edit(source)}>Change the sheet or how often</button>
      </div>
    </div>`;
  }

  private _renderForm(source: SheetSource | null) {
    const preview = this._preview;
    const people = preview ? preview.counts.created + preview.counts.updated + preview.counts.unchanged : 0;
    return html`
      <p class="hint">Paste the link of the sheet people add themselves to: a Google Sheets share link ("Anyone with the link can view"),
        a "Publish to the web" CSV link, an Airtable shared view's CSV download link, or any https link to a CSV file. Lifeline fetches it
        on the schedule you choose: people added to the sheet join the list, people removed from it leave.</p>
      <form class="row" @submit=${this._onPreview}>
        <div>
          <label for="sheet-url">Sheet link</label>
          <input id="sheet-url" type="url" required inputmode="url" autocomplete="off" placeholder="https://docs.google.com/spreadsheets/d/…/edit"
            .value=${this._url} @input=${(e: Event) => (this._url = (e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" ?disabled=${this._busy !== undefined || !this._url.trim()}>${this._busy === 'preview' ? 'Fetching…' : 'Preview'}</button>
        ${source ? html`<button type="button" class="secondary" @click=${() => (this._editing = false)}>Cancel</button>` : nothing}
      </form>
      ${this._error ? html`<p class="problem" role="alert">${this._error}</p>` : nothing}
      ${preview?.status === 'failed' ? html`<p class="problem" role="alert">${preview.error}</p>` : nothing}
      ${preview && preview.headers.length > 0
        ? html`<details ?open=${preview.status === 'failed'}>
            <summary>Columns (${Object.keys(this._mapping ?? preview.mapping).length} of ${preview.headers.length} used)</summary>
            <p class="hint">Each field takes one column of the sheet. Change a choice, then preview again; every sync reads the sheet this way.</p>
            <ll-mapping-editor .headers=${preview.headers} .mapping=${this._mapping ?? preview.mapping}
              @ll-mapping-change=${(e: CustomEvent<Mapping>) => (this._mapping = e.detail)}></ll-mapping-editor>
            <div class="actions"><button class="secondary" @click=${this._onPreview} ?disabled=${this._busy !== undefined}>Preview again</button></div>
          </details>`
        : nothing}
      ${preview?.status === 'done'
        ? html`<h3>What the first sync would do</h3>
            <p class="hint">A dry run: nothing has been saved.${preview.counts.removed
              ? ` ${peopleLabel(preview.counts.removed)} on the list but not on the sheet would leave the list.`
              : ''}</p>
            <ll-import-counts .counts=${preview.counts}></ll-import-counts>
            ${preview.preview ? html`<h3>First rows</h3><ll-import-preview .rows=${preview.preview}></ll-import-preview>` : nothing}
            <fieldset>
              <legend>Sync</legend>
              <div class="cadence">
                ${CADENCES.map(([value, label]) => html`<label><input type="radio" name="every" .value=${value} .checked=${this._every === value}
                  @change=${() => (this._every = value)} />${label}</label>`)}
              </div>
            </fieldset>
            <label class="consent">
              <input type="checkbox" .checked=${this._attest} @change=${(e: Event) => (this._attest = (e.target as HTMLInputElement).checked)} />
              <span>I confirm that every person on this sheet, now and as it changes, chose to be listed publicly, and that I may share it
                with Lifeline. Each person with an email gets one message with a link to remove themselves in one click.</span>
            </label>
            <div class="actions">
              <button @click=${this._onSave} ?disabled=${!this._attest || this._busy !== undefined || people === 0}>
                ${this._busy === 'save' ? 'Saving…' : `Follow this sheet (${peopleLabel(people)})`}
              </button>
              ${!this._attest ? html`<span class="hint">Confirm consent to follow the sheet.</span>` : nothing}
            </div>`
        : nothing}`;
  }

  private _edit(source: SheetSource) {
    this._url = source.url;
    this._every = source.every;
    this._attest = false;
    this._preview = undefined;
    // The columns chosen when it was saved (the page saves every field, null for those left out).
    this._mapping = source.mapping
      ? Object.fromEntries(Object.entries(source.mapping).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
      : undefined;
    this._message = '';
    this._error = '';
    this._editing = true;
  }

  private _fail(err: unknown, fallback: string) {
    if ((err as Error).name === 'AbortError') return;
    this._error = err instanceof ApiError ? err.message : fallback;
  }

  private async _onPreview(event: Event) {
    event.preventDefault();
    this._busy = 'preview';
    this._error = '';
    this._preview = undefined;
    try {
      const { id } = await previewSource(this.me, this.list.slug, { url: this._url.trim(), mapping: mappingOverride(this._mapping) });
      this._preview = await watchImport(id, () => undefined, this._abort.signal);
    } catch (err) {
      this._fail(err, 'The sheet could not be previewed. Try again.');
    } finally {
      this._busy = undefined;
    }
  }

  private async _onSave() {
    this._busy = 'save';
    this._error = '';
    try {
      await setSource(this.me, this.list.slug, { url: this._url.trim(), every: this._every, attestConsent: this._attest, mapping: mappingOverride(this._mapping) });
      this._editing = false;
      this._preview = undefined;
      await this._sync();
    } catch (err) {
      this._fail(err, 'The sheet could not be saved. Try again.');
    } finally {
      this._busy = undefined;
    }
  }

  private async _onResume(source: SheetSource) {
    this._busy = 'save';
    this._error = '';
    try {
      await setSource(this.me, this.list.slug, { url: source.url, every: source.every, attestConsent: true, mapping: source.mapping ?? undefined });
      await this._sync();
    } catch (err) {
      this._fail(err, 'The sync could not be resumed. Try again.');
    } finally {
      this._busy = undefined;
    }
  }

  private async _onSyncNow() {
    this._busy = 'sync';
    this._error = '';
    try {
      await this._sync();
    } catch (err) {
      this._fail(err, 'The sheet could not be synced. Try again.');
    } finally {
      this._busy = undefined;
    }
  }

  /** Syncs now and says what happened; the status above is reloaded either way. */
  private async _sync() {
    this._message = '';
    try {
      const result = await syncSource(this.me, this.list.slug);
      if ('unchanged' in result) {
        this._message = 'The sheet has not changed since the last sync.';
        return;
      }
      const run = await watchImport(result.id, () => undefined, this._abort.signal);
      if (run.status === 'done') {
        const { created, updated, removed = 0 } = run.counts;
        this._message = `Synced: ${peopleLabel(created)} added, ${peopleLabel(updated)} updated, ${peopleLabel(removed)} left the list.`;
        this.dispatchEvent(new CustomEvent('ll-list-synced', { bubbles: true, composed: true }));
      }
    } finally {
      await this._source.run();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-sheet-follow': LlSheetFollow;
  }
}
