import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Me } from '../api/account.js';
import '../components/ll-sign-in-form.js';
import { navigate } from '../navigate.js';
import { controls, page, tokens } from '../styles.js';

/** Where to go after signing in: `?next=/p/…` when it is a path of this site, else the account page. */
function nextPath(): string {
  const next = new URLSearchParams(location.search).get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/account';
}

/** /sign-in: one page for every role (recruiters, organizers, admins). */
@customElement('ll-sign-in-page')
export class LlSignInPage extends LitElement {
  static override styles = [tokens, controls, page, css`ll-sign-in-form { margin-top: 1rem; }`];

  @property({ attribute: false }) params: Record<string, string> = {};

  override render() {
    return html`<h1>Sign in</h1>
      <p class="lead">Recruiters, organizers and admins sign in here. Candidates need no account: they manage their profile
        with <a href="/manage">a link by email</a>.</p>
      <ll-sign-in-form @ll-signed-in=${this._onSignedIn}></ll-sign-in-form>`;
  }

  private _onSignedIn(_event: CustomEvent<Me>) {
    navigate(nextPath(), { replace: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-sign-in-page': LlSignInPage;
  }
}
