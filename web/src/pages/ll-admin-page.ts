import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { decideRecruiter, getReviews, type Me, type RecruiterReview } from '../api/account.js';
import { ApiError } from '../api/http.js';
import { RECRUITER_STATE_LABELS, signedIn } from '../session.js';
import { controls, notices, page, tokens } from '../styles.js';

/** /admin: recruiter accounts in review, suspended, or reported since their last review; approve or suspend each. */
@customElement('ll-admin-page')
export class LlAdminPage extends LitElement {
  static override styles = [
    tokens,
    controls,
    page,
    notices,
    css`
      .table { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; background: var(--ll-surface); }
      th, td { text-align: left; padding: 0.55rem 0.7rem; border-bottom: 1px solid var(--ll-border); vertical-align: top; overflow-wrap: anywhere; }
      th { font-size: 0.85rem; color: var(--ll-muted); }
      td .row { gap: 0.4rem; }
      @media (max-width: 640px) {
        thead { display: none; }
        tr { display: block; border-bottom: 2px solid var(--ll-border); padding: 0.5rem 0; }
        td { display: block; border: 0; padding: 0.2rem 0.5rem; }
        td::before { content: attr(data-label) ': '; font-weight: 600; color: var(--ll-muted); }
      }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};

  @state() private _error = '';
  private _me: Me | undefined;

  private _reviews = new Task(this, {
    task: async (_args, { signal }) => {
      this._me = await signedIn();
      if (!this._me) return undefined;
      return (await getReviews(signal)).recruiters;
    },
    args: () => [],
  });

  override render() {
    return html`<h1>Recruiter accounts to review</h1>
      <p class="lead">Accounts on personal addresses wait here for approval; accounts suspended by three abuse reports wait for a
        second look. Approving starts the report count afresh.</p>
      ${this._error ? html`<p class="notice error" role="alert">${this._error}</p>` : nothing}
      ${this._reviews.render({
        pending: () => html`<p class="hint" role="status">Loading…</p>`,
        error: (err) => html`<p class="notice error" role="alert">${err instanceof ApiError ? err.message : 'The list could not load.'}</p>`,
        complete: (rows) =>
          rows === undefined
            ? html`<p class="notice"><a href="/sign-in?next=/admin">Sign in</a> as an admin first.</p>`
            : rows.length === 0
              ? html`<p class="notice" role="status">Nothing to review.</p>`
              : this._table(rows),
      })}`;
  }

  private _table(rows: RecruiterReview[]) {
    return html`<div class="table"><table>
      <thead><tr><th>Name</th><th>Company</th><th>Domain</th><th>Email</th><th>State</th><th>Reports</th><th>Signed up</th><th>Decision</th></tr></thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr>
            <td data-label="Name">${r.name ?? '—'}</td>
            <td data-label="Company">${r.company ?? '—'}</td>
            <td data-label="Domain">${r.emailDomain ?? '—'}</td>
            <td data-label="Email">${r.email}</td>
            <td data-label="State">${RECRUITER_STATE_LABELS[r.state]}</td>
            <td data-label="Reports">${r.reports}</td>
            <td data-label="Signed up">${new Date(r.createdAt).toISOString().slice(0, 10)}</td>
            <td data-label="Decision"><span class="row">
              ${r.state !== 'verified' ? html`<button type="button" @click=${() => this._decide(r, 'approve')}>Approve <span class="visually-hidden">${r.email}</span></button>` : nothing}
              ${r.state !== 'suspended' ? html`<button type="button" class="secondary" @click=${() => this._decide(r, 'suspend')}>Suspend <span class="visually-hidden">${r.email}</span></button>` : nothing}
            </span></td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  private async _decide(row: RecruiterReview, decision: 'approve' | 'suspend') {
    if (!this._me) return;
    this._error = '';
    try {
      await decideRecruiter(this._me, row.id, decision);
      await this._reviews.run();
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'That did not work. Try again.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-admin-page': LlAdminPage;
  }
}
