import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Me } from '../api/account.js';
import { roleLabel, signedIn } from '../session.js';
import { controls, notices, page, tokens } from '../styles.js';

/** What an account of each standing can do, said plainly. */
function whatYouCanDo(me: Me) {
  if (me.role === 'admin') {
    return html`<p>You review recruiter accounts and abuse reports, and you can import lists.</p>
      <p class="row"><a class="button" href="/admin">Review recruiters</a> <a class="button secondary" href="/organize">Import a list</a></p>`;
  }
  if (me.role === 'organizer') return html`<p>You import and keep your layoff lists.</p><p class="row"><a class="button" href="/organize">Import a list</a></p>`;
  switch (me.recruiterState) {
    case 'verified':
      return html`<p>You see every published profile with LinkedIn, work authorization and experience, page through all results,
          and write to candidates through Lifeline: up to 20 messages a day, and each person gets at most 3 a day from everyone.</p>
        <p class="row"><a class="button" href="/">Search talent</a></p>`;
    case 'in_review':
      return html`<p>Your address is a personal one, so the Lifeline team reviews your account before it reaches candidates. We will
        mail you. Until then you search like any visitor: public profiles, the first 100 results, no messages.</p>`;
    case 'unverified':
      return html`<p>Confirm your work address with the link we mailed you. No mail? <a href="/recruiters/join">Sign up again</a>
        for a new link.</p>`;
    default:
      return html`<p>Your account is suspended: you search like any visitor and cannot write to candidates. Write to the Lifeline
        team if you think this is a mistake.</p>`;
  }
}

/** /account: who you are signed in as, your standing, and what you can do with it. */
@customElement('ll-account-page')
export class LlAccountPage extends LitElement {
  static override styles = [tokens, controls, page, notices, css`dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 0 0 1rem; } dt { font-weight: 600; color: var(--ll-muted); } dd { margin: 0; overflow-wrap: anywhere; }`];

  @property({ attribute: false }) params: Record<string, string> = {};

  private _me = new Task(this, { task: () => signedIn(), args: () => [] });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('ll-session', this._onSession);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('ll-session', this._onSession);
    super.disconnectedCallback();
  }

  private _onSession = () => void this._me.run();

  override render() {
    return html`<h1>Your account</h1>
      ${this._me.render({
        pending: () => html`<p class="hint" role="status">Loading…</p>`,
        error: () => html`<p class="notice error" role="alert">Lifeline cannot be reached. Try again in a moment.</p>`,
        complete: (me) =>
          me
            ? html`<section class="notice">
                <dl>
                  <dt>Name</dt><dd>${me.name ?? '—'}</dd>
                  <dt>Email</dt><dd>${me.email}</dd>
                  ${me.company ? html`<dt>Company</dt><dd>${me.company}</dd>` : ''}
                  <dt>Account</dt><dd>${roleLabel(me)}</dd>
                </dl>
                ${whatYouCanDo(me)}
              </section>`
            : html`<section class="notice"><p>You are not signed in.</p>
                <p class="row"><a class="button" href="/sign-in?next=/account">Sign in</a> <a href="/recruiters/join">Create a recruiter account</a></p></section>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-account-page': LlAccountPage;
  }
}
