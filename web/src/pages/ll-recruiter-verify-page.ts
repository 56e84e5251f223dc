import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { previewRecruiterClaim, verifyRecruiter, type RecruiterClaim } from '../api/account.js';
import { linkProblem } from '../api/profiles.js';
import { LinkAction } from '../components/link-action.js';
import { controls, notices, page, tokens } from '../styles.js';

/**
 * /recruiter/verify?token=…: the link in the sign-up mail. Anyone can sign up with any address
 * (and the form's password becomes the account's), so the page first shows who signed up, and
 * confirms only on a click (mail scanners open links) with the password chosen on the sign-up form.
 */
@customElement('ll-recruiter-verify-page')
export class LlRecruiterVerifyPage extends LitElement {
  static override styles = [tokens, controls, page, notices];

  @property({ attribute: false }) params: Record<string, string> = {};

  private _link = new LinkAction(this, {
    act: async (token) => (await verifyRecruiter(token, this._password)).state,
    usedPath: '/recruiter/verify',
  });
  /** The sign-up's password, typed again: only whoever chose it can finish the account. */
  private _password = '';

  private _claim = new Task(this, {
    task: async ([token], { signal }) => {
      if (!token) throw new Error('This page needs the link from your sign-up email. Open it from the mail again.');
      return previewRecruiterClaim(token, signal);
    },
    args: () => [this._link.token] as const,
  });

  override render() {
    const { done, error } = this._link;
    if (done) {
      return html`<h1>Address confirmed</h1>
        <section class="notice" role="status" tabindex="-1" id="result">
          ${done === 'verified'
            ? html`<h2>Your account is verified</h2><p>Your address is on a company domain. Sign in to search every profile and write to candidates.</p>`
            : html`<h2>Your account is waiting for a review</h2>
                <p>Your address is a personal one, so the Lifeline team checks the account before it can reach candidates. Until then you
                  can sign in and search like any visitor.</p>`}
          <p class="row"><a class="button" href="/sign-in">Sign in</a></p>
        </section>`;
    }
    return html`<h1>Confirm your work address</h1>
      ${error ? html`<section class="notice error" role="alert"><p>${error}</p>
          <p><a href="/recruiters/join">Sign up again for a new link</a></p></section>` : nothing}
      ${this._claim.render({
        pending: () => html`<p class="notice" role="status">Loading the sign-up this link is for…</p>`,
        complete: (claim) => this._renderClaim(claim),
        error: (err) => html`<section class="notice error" role="alert"><p>${linkProblem(err)}</p>
            <p><a href="/recruiters/join">Sign up again for a new link</a></p></section>`,
      })}`;
  }

  private _renderClaim(claim: RecruiterClaim) {
    return html`<section class="notice">
      <p>This link finishes a recruiter account for <strong>${claim.name}</strong>, hiring for <strong>${claim.company}</strong>,
        with your address at ${claim.emailDomain}, and the password chosen on the sign-up form.</p>
      <p>Not you? Do not confirm: close this page, and no account will work with your address.</p>
      <form @submit=${this._onSubmit}>
        <label for="password">The password you chose when you signed up</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required
          @input=${(e: Event) => (this._password = (e.target as HTMLInputElement).value)} />
        <p class="row"><button type="submit" ?disabled=${this._link.busy}>${this._link.busy ? 'Confirming…' : 'Confirm my address'}</button></p>
      </form>
    </section>`;
  }

  private _onSubmit(event: Event) {
    event.preventDefault();
    void this._link.run();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-recruiter-verify-page': LlRecruiterVerifyPage;
  }
}
