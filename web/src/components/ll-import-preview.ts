import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { seniorityLabel } from '../../../common/labels.js';
import type { PreviewRow } from '../api/organize.js';
import { controls, tokens } from '../styles.js';

type Values = NonNullable<PreviewRow['values']>;
const place = (v: Values) => [v.city, v.region, v.country].filter(Boolean).join(', ');
const dates = (v: Values) =>
  [v.layoffDate && `laid off ${v.layoffDate}`, v.availableFrom && `available ${v.availableFrom}`].filter(Boolean).join(' · ');

/** The first rows of a dry run, as they would be stored, each with its outcome and problems. */
@customElement('ll-import-preview')
export class LlImportPreview extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      .scroll { overflow-x: auto; border: 1px solid var(--ll-border); border-radius: var(--ll-radius); background: var(--ll-surface); }
      table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
      th, td { text-align: left; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--ll-border); vertical-align: top; }
      th { background: var(--ll-page); font-weight: 600; white-space: nowrap; }
      tr.failed td { background: var(--ll-danger-soft); }
      tr.skipped td { color: var(--ll-muted); }
      .badge { font-weight: 700; font-size: 0.8rem; text-transform: uppercase; }
      .badge.ok { color: var(--ll-ok); }
      .failed .badge { color: var(--ll-danger); }
      .notes { color: var(--ll-muted); font-size: 0.85rem; margin: 0.25rem 0 0; }
      .skills { max-width: 16rem; }
      .guess { color: var(--ll-muted); font-style: italic; }
    `,
  ];

  @property({ attribute: false }) rows: PreviewRow[] = [];

  override render() {
    if (this.rows.length === 0) return html`<p class="hint">The file has no rows under its header.</p>`;
    return html`<div class="scroll" role="region" aria-label="Preview of the first rows" tabindex="0">
      <table>
        <thead><tr><th scope="col">Line</th><th scope="col">Result</th><th scope="col">Name</th><th scope="col">Email / LinkedIn</th>
          <th scope="col">Role</th><th scope="col">Location</th><th scope="col" class="skills">Skills</th><th scope="col">Former employer</th>
          ${this._hasDates() ? html`<th scope="col">Dates</th>` : nothing}</tr></thead>
        <tbody>${this.rows.map((row) => this._row(row))}</tbody>
      </table>
    </div>`;
  }

  private _row(row: PreviewRow) {
    const v = row.values;
    const notes = row.notes.length > 0 ? html`<p class="notes">${row.notes.join('; ')}</p>` : nothing;
    if (!v) {
      return html`<tr class=${row.outcome}><td>${row.line}</td><td><span class="badge">${row.outcome}</span></td>
        <td colspan=${this._hasDates() ? 7 : 6}>${row.reason}${notes}</td></tr>`;
    }
    return html`<tr>
      <td>${row.line}</td><td><span class="badge ok">ok</span></td>
      <td>${v.name}${notes}</td>
      <td>${v.email ?? ''}${v.email && v.linkedinUrl ? html`<br />` : nothing}${v.linkedinUrl ?? ''}</td>
      <td>${v.role ?? ''}${this._seniority(v)}</td>
      <td>${[place(v), v.remote].filter(Boolean).join(' · ')}</td>
      <td class="skills">${v.skills.join(', ')}</td>
      <td>${v.formerEmployer ?? ''}</td>
      ${this._hasDates() ? html`<td>${dates(v)}</td>` : nothing}
    </tr>`;
  }

  private _hasDates(): boolean {
    return this.rows.some((r) => r.values && dates(r.values));
  }

  private _seniority(v: Values) {
    if (!v.seniority) return nothing;
    const label = seniorityLabel(v.seniority);
    return v.seniorityInferred
      ? html` <span class="guess" title="The row gives no seniority: guessed from the role">(${label}, guessed from the title)</span>`
      : ` (${label})`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-import-preview': LlImportPreview;
  }
}
