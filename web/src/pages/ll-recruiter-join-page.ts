import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { signUpRecruiter } from '../api/account.js';
import { ApiError } from '../api/http.js';
import { controls, notices, page, tokens } from '../styles.js';

/** /recruiters/join: a recruiter account, proven by a link mailed to the work address. */
@customElement('ll-recruiter-join-page')
export class LlRecruiterJoinPage extends LitElement {
  static override styles = [
    tokens,
    controls,
    page,
    notices,
    css`
      form { max-width: 30rem; padding: 1.25rem; display: grid; gap: 1rem; }
      ul { margin: 0 0 1.25rem; padding-left: 1.25rem; max-width: 44rem; }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};

  @state() private _sent = '';
  @state() private _error = '';
  @state() private _busy = false;

  override render() {
    if (this._sent) {
      return html`<h1>Check your inbox</h1>
        <section class="notice" role="status" tabindex="-1" id="result"><p>${this._sent}</p>
          <p>The link works for 24 hours. Nothing there? Check your spam folder, or sign up again.</p></section>`;
    }
    return html`<h1>Create a recruiter account</h1>
      <p class="lead">Verified recruiters see candidates' LinkedIn profiles, work authorization and experience, search every
        profile, and write to candidates through Lifeline.</p>
      <ul>
        <li>Use your <strong>work address</strong>: an address on your company's domain is verified as soon as you click the link we mail.</li>
        <li>A personal address (Gmail, Outlook, …) works too, after the Lifeline team has reviewed the account.</li>
      </ul>
      <form class="card" @submit=${this._onSubmit} novalidate>
        <div><label for="name">Your name</label><input id="name" name="name" required maxlength="100" autocomplete="name" /></div>
        <div><label for="email">Work email</label><input id="email" name="email" type="email" required maxlength="254" autocomplete="email" /></div>
        <div><label for="company">Company you hire for</label><input id="company" name="company" required maxlength="120" autocomplete="organization" /></div>
        <div>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" required minlength="10" maxlength="1024" autocomplete="new-password" aria-describedby="password-hint" />
          <p class="hint" id="password-hint">At least 10 characters.</p>
        </div>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        <div><button type="submit" ?disabled=${this._busy}>${this._busy ? 'Creating…' : 'Create my account'}</button></div>
        <p class="hint">Already have one? <a href="/sign-in">Sign in</a>.</p>
      </form>`;
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(data.get(name) ?? '');
    this._busy = true;
    this._error = '';
    try {
      this._sent = (await signUpRecruiter({ name: field('name'), email: field('email').trim(), company: field('company'), password: field('password') })).message;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#result')?.focus();
    } catch (err) {
      // The API names fields as "body.email"; people know them by their labels.
      this._error = err instanceof ApiError ? err.message.replace(/\bbody\./g, '') : 'Signing up failed. Please try again.';
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-recruiter-join-page': LlRecruiterJoinPage;
  }
}
