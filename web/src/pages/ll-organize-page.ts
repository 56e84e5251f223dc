import { Task, initialState } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ApiError } from '../api/http.js';
import { signOut } from '../api/account.js';
import {
  mappingOverride, reportUrl, startImport, watchImport,
  type ImportStatus, type LayoffList, type Mapping, type Me,
} from '../api/organize.js';
import { getList } from '../api/talent.js';
import { setSignedIn, signedIn } from '../session.js';
import '../components/ll-file-drop.js';
import '../components/ll-import-counts.js';
import '../components/ll-import-preview.js';
import '../components/ll-list-chooser.js';
import '../components/ll-list-outcomes.js';
import '../components/ll-mapping-editor.js';
import '../components/ll-sheet-follow.js';
import '../components/ll-sign-in-form.js';
import { ENCODINGS, type EncodingChoice } from '../../../common/import-encodings.js';
import { peopleLabel } from '../labels.js';
import { controls, page, tokens } from '../styles.js';

const ENCODING_LABELS: Record<EncodingChoice, string> = {
  auto: 'Detect automatically', 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (Excel "Unicode text")',
  'utf-16be': 'UTF-16 big-endian', 'windows-1252': 'Windows-1252 (older Excel "CSV")',
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const rowsWord = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'}`;

/**
 * The organizer's page: sign in, pick or create a list, drop a CSV, check the detected mapping
 * and a dry-run preview, confirm consent, import with a progress bar, read the counts; or have
 * the list follow its sheet by link.
 */
@customElement('ll-organize-page')
export class LlOrganizePage extends LitElement {
  static override styles = [
    tokens,
    controls,
    page,
    css`
      section { margin-top: 1.5rem; }
      h2 { font-size: 1.2rem; margin: 0 0 0.75rem; }
      .step { padding: 1.25rem; }
      .signed { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; color: var(--ll-muted); }
      .actions { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; margin-top: 1rem; }
      ll-list-outcomes { margin-top: 1.25rem; padding-top: 1rem; border-top: 1px solid var(--ll-border); }
      .options { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); margin-top: 1rem; }
      .consent { display: flex; gap: 0.6rem; align-items: flex-start; font-weight: 400; background: var(--ll-page); padding: 0.75rem; border-radius: 8px; }
      .consent input { margin-top: 0.3rem; }
      .progress { margin-top: 1rem; }
      h2 + .progress { margin-top: 0; }
      progress { width: 100%; height: 1rem; accent-color: var(--ll-accent); }
      .problem { background: var(--ll-danger-soft); color: var(--ll-danger); padding: 0.75rem; border-radius: 8px; }
      details { margin-top: 1rem; }
      summary { cursor: pointer; font-weight: 600; }
      .done { color: var(--ll-ok); font-weight: 600; }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};
  @state() private _me: Me | undefined;
  @state() private _list: LayoffList | null = null;
  @state() private _file: File | undefined;
  @state() private _encoding = 'auto';
  @state() private _mapping: Mapping | undefined;
  @state() private _attest = false;
  @state() private _preview: ImportStatus | undefined;
  @state() private _run: ImportStatus | undefined;
  @state() private _busy: 'preview' | 'import' | undefined;
  /** The dry run in flight, for its progress (undefined until the file is sent), and the step that started it. */
  @state() private _checking: ImportStatus | undefined;
  private _checkingStep: 'file' | 'columns' = 'file';
  @state() private _error = '';
  private _abort = new AbortController();

  private _session = new Task(this, {
    task: async () => {
      this._me = await signedIn();
      return this._me;
    },
    args: () => [],
  });

  /** The chosen list's outcomes, again after each finished import. */
  private _outcomes = new Task(this, {
    task: ([slug], { signal }) => (slug ? getList(slug, signal) : initialState),
    args: () => [this._list?.slug, this._run?.status] as const,
  });

  override disconnectedCallback(): void {
    this._abort.abort();
    super.disconnectedCallback();
  }

  override render() {
    return html`<h1>Import a layoff list</h1>
      <p class="lead">Bring a crowdsourced list of people who chose to be listed into Lifeline, from the CSV that Google Sheets,
        Airtable or Excel exports. Nothing is published until you confirm.</p>
      ${this._session.render({
        pending: () => html`<p class="hint" role="status">Checking your session…</p>`,
        error: () => html`<p class="problem" role="alert">Lifeline cannot be reached. <button class="secondary" @click=${() => this._session.run()}>Try again</button></p>`,
        complete: () => {
          if (!this._me) return html`<ll-sign-in-form @ll-signed-in=${this._onSignedIn}></ll-sign-in-form>`;
          if (this._me.role === 'recruiter') return html`<p class="problem" role="alert">Importing lists is for organizers. You are signed in as a recruiter: <a href="/account">your account</a>.</p>`;
          return this._renderSteps(this._me);
        },
      })}`;
  }

  private _renderSteps(me: Me) {
    if (me.role === 'recruiter') {
      return html`<p class="problem" role="alert">Your account is a recruiter account. Only organizers and admins can import lists.</p>`;
    }
    return html`
      <p class="signed">Signed in as ${me.email} <button class="secondary" @click=${this._onSignOut}>Sign out</button></p>
      <section class="card step" aria-labelledby="step-list">
        <h2 id="step-list">1. The list</h2>
        <ll-list-chooser .me=${me} @ll-list-change=${this._onListChange}></ll-list-chooser>
        ${this._list ? this._outcomes.render({ complete: (list) => html`<ll-list-outcomes .list=${list}></ll-list-outcomes>` }) : nothing}
      </section>
      ${this._list ? this._renderUpload() : nothing}
      ${this._preview ? this._renderCheck(this._preview) : nothing}
      ${this._run || this._busy === 'import' ? this._renderRun(this._run) : nothing}
      ${this._list ? this._renderFollow(me, this._list) : nothing}
    `;
  }

  /** The other way in: the list follows the sheet people keep adding themselves to. */
  private _renderFollow(me: Me, list: LayoffList) {
    return html`<section class="card step" aria-labelledby="step-sheet">
      <h2 id="step-sheet">Follow a sheet</h2>
      ${keyed(list.slug, html`<ll-sheet-follow .me=${me} .list=${list}
        @ll-list-synced=${() => this.renderRoot.querySelector('ll-list-chooser')?.refresh()}></ll-sheet-follow>`)}
    </section>`;
  }

  private _renderUpload() {
    return html`<section class="card step" aria-labelledby="step-file">
      <h2 id="step-file">2. The file</h2>
      <ll-file-drop .fileName=${this._file?.name ?? ''} @ll-file=${this._onFile}></ll-file-drop>
      <div class="options">
        <div>
          <label for="encoding">Encoding</label>
          <select id="encoding" @change=${this._onEncoding}>
            ${ENCODINGS.map((value) => html`<option value=${value} ?selected=${value === this._encoding}>${ENCODING_LABELS[value]}</option>`)}
          </select>
        </div>
      </div>
      ${this._checkingIn('file')}
      ${this._error ? html`<p class="problem" role="alert">${this._error}</p>` : nothing}
    </section>`;
  }

  private _renderCheck(preview: ImportStatus) {
    const ready = preview.status === 'done';
    // Columns the automatic mapping was unsure of: the organizer should see them before importing.
    const unsure = this._mapping ? 0 : Object.values(preview.confidence).filter((c) => c !== undefined && c < 0.8).length;
    return html`<section class="card step" aria-labelledby="step-check">
      <h2 id="step-check">3. Check the columns and the first rows</h2>
      ${preview.status === 'failed'
        ? html`<p class="problem" role="alert">${preview.error}</p>`
        : html`<p class="hint">A dry run: this is what the import would do (if you confirm consent below). Nothing has been saved.
            ${preview.encoding ? html`Read as ${preview.encoding}.` : nothing} ${this._languageHint(preview)}</p>
            <ll-import-counts .counts=${preview.counts}></ll-import-counts>`}
      ${preview.headers.length > 0
        ? html`<details ?open=${!ready || unsure > 0}>
            <summary>Columns (${Object.keys(this._mapping ?? preview.mapping).length} of ${preview.headers.length} used${
              unsure > 0 ? `, ${unsure} to check` : ''})</summary>
            <p class="hint">Each field takes one column of the file. Change a choice, then preview again.</p>
            <p class="hint">Under each field: how sure the automatic choice is, and what it made of the first rows.</p>
            <ll-mapping-editor .headers=${preview.headers} .mapping=${this._mapping ?? preview.mapping} .previewed=${preview.mapping}
              .confidence=${preview.confidence} .rows=${preview.preview ?? []} @ll-mapping-change=${this._onMapping}></ll-mapping-editor>
            <div class="actions"><button class="secondary" @click=${() => this._dryRun('columns')} ?disabled=${this._busy !== undefined}>Preview again</button></div>
            ${this._checkingIn('columns')}
          </details>`
        : nothing}
      ${preview.preview ? html`<h3>First rows</h3><ll-import-preview .rows=${preview.preview}></ll-import-preview>` : nothing}
      ${ready && preview.counts.skipped + preview.counts.failed > 0
        ? html`<p><a href=${reportUrl(preview.id)} download>Download the ${rowsWord(preview.counts.skipped + preview.counts.failed)} that would be rejected (CSV)</a></p>`
        : nothing}
      ${ready ? this._renderConfirm(preview) : nothing}
    </section>`;
  }

  /** What the headers' language decides: how a date such as 03/04/2026 reads. */
  private _languageHint(preview: ImportStatus) {
    if (!preview.language || (!preview.mapping.layoffDate && !preview.mapping.availableFrom)) return nothing;
    const name = languageNames.of(preview.language);
    return preview.language === 'en'
      ? `The headers are in ${name}: a date like 03/04/2026 reads month first (March 4).`
      : `The headers are in ${name}: a date like 03/04/2026 reads day first (3 April).`;
  }

  private _renderConfirm(preview: ImportStatus) {
    const people = preview.counts.created + preview.counts.updated + preview.counts.unchanged;
    return html`
      <label class="consent">
        <input type="checkbox" .checked=${this._attest} @change=${(e: Event) => (this._attest = (e.target as HTMLInputElement).checked)} />
        <span>I confirm that every person on this list chose to be listed publicly (for example, the form they filled in said their
          entry would be shared), and that I may share it with Lifeline. Rows whose consent column says no are left out.
          Each person with an email gets one message saying what was published, with a link to remove themselves in one click.</span>
      </label>
      <div class="actions">
        <button @click=${this._onImport} ?disabled=${!this._attest || this._busy !== undefined || people === 0}>
          ${this._busy === 'import' ? 'Importing…' : `Import ${peopleLabel(people)}`}
        </button>
        ${!this._attest ? html`<span class="hint">Confirm consent to import.</span>` : nothing}
      </div>`;
  }

  /** The import: sent, running, then its outcome. */
  private _renderRun(run: ImportStatus | undefined) {
    return html`<section class="card step" aria-labelledby="step-run">
      <h2 id="step-run">4. Import</h2>
      ${!run || run.status === 'queued' || run.status === 'running' ? this._renderProgress(run, 'run-progress', 'Saving') : nothing}
      ${run?.status === 'failed' ? html`<p class="problem" role="alert">${run.error}</p>` : nothing}
      ${run?.status === 'done'
        ? html`<p class="done" role="status">Done: the list is imported. People appear in search within a minute.</p>
            <ll-import-counts .counts=${run.counts}></ll-import-counts>
            ${run.counts.skipped + run.counts.failed > 0
              ? html`<p><a href=${reportUrl(run.id)} download>Download the report of the rejected rows (${rowsWord(run.counts.skipped + run.counts.failed)}, CSV)</a></p>`
              : html`<p class="hint">No row was rejected.</p>`}`
        : nothing}
    </section>`;
  }

  /** The dry run's progress, beside the control that started it. */
  private _checkingIn(step: 'file' | 'columns') {
    return this._busy === 'preview' && this._checkingStep === step ? this._renderProgress(this._checking, 'check-progress', 'Checking') : nothing;
  }

  /**
   * How far an import or a dry run has got: rows read, as a share of the file's bytes; waiting,
   * sending and the final merge have no measure, so their bar is indeterminate and says which.
   */
  private _renderProgress(status: ImportStatus | undefined, id: string, merging: 'Checking' | 'Saving') {
    const reading = status?.status === 'running' && status.phase !== 'merging';
    const percent = reading ? Math.round(status.progress * 100) : 0;
    const label = !status ? 'Sending the file…'
      : status.status === 'queued' ? 'Waiting to start…'
      : reading ? `Reading rows: ${status.processed.toLocaleString()}`
      : `${merging} ${rowsWord(status.processed)}…`;
    return html`<div class="progress">
      <label for=${id}>${label}</label>
      <progress id=${id} max="100" value=${reading ? percent : nothing} aria-valuetext=${reading ? `${percent}%` : label}></progress>
    </div>`;
  }

  private _onSignedIn(event: CustomEvent<Me>) {
    this._me = event.detail;
    this.requestUpdate();
  }

  private async _onSignOut() {
    if (this._me) await signOut(this._me).catch(() => undefined);
    this._me = undefined;
    setSignedIn(undefined);
    this._reset();
    this.requestUpdate();
  }

  private _reset() {
    this._file = undefined;
    this._preview = undefined;
    this._run = undefined;
    this._mapping = undefined;
    this._attest = false;
    this._error = '';
  }

  private _onListChange(event: CustomEvent<LayoffList | null>) {
    this._list = event.detail;
    this._preview = undefined;
    this._run = undefined;
    if (this._file && this._list) void this._dryRun();
  }

  private _onFile(event: CustomEvent<File>) {
    this._file = event.detail;
    this._mapping = undefined;
    this._run = undefined;
    void this._dryRun();
  }

  private _onEncoding(event: Event) {
    this._encoding = (event.target as HTMLSelectElement).value;
    if (this._file) void this._dryRun();
  }

  private _onMapping(event: CustomEvent<Mapping>) {
    this._mapping = event.detail;
  }

  private async _send(dryRun: boolean): Promise<ImportStatus | undefined> {
    if (!this._me || !this._list || !this._file) return undefined;
    this._error = '';
    try {
      const { id } = await startImport(this._me, this._list.slug, this._file, {
        dryRun,
        attestConsent: dryRun ? true : this._attest,
        encoding: this._encoding,
        mapping: mappingOverride(this._mapping),
      });
      return await watchImport(id, (status) => (dryRun ? (this._checking = status) : (this._run = status)), this._abort.signal);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return undefined;
      this._error = err instanceof ApiError ? err.message : 'The file could not be sent. Try again.';
      return undefined;
    }
  }

  private async _dryRun(step: 'file' | 'columns' = 'file') {
    this._checkingStep = step;
    this._busy = 'preview';
    this._run = undefined;
    this._checking = undefined;
    const preview = await this._send(true);
    this._busy = undefined;
    if (preview) this._preview = preview;
  }

  private async _onImport() {
    this._busy = 'import';
    // The progress appears below the button that started it, often below the fold: bring it up.
    void this.updateComplete.then(() => this.renderRoot.querySelector('#step-run')?.scrollIntoView({ block: 'start' }));
    const run = await this._send(false);
    this._busy = undefined;
    if (run?.status === 'done') this.renderRoot.querySelector('ll-list-chooser')?.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-organize-page': LlOrganizePage;
  }
}
