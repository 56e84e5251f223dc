import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import { signIn } from '../api/account.js';
import { setSignedIn } from '../session.js';
import { controls, tokens } from '../styles.js';

/** Sign-in for every role (organizers, admins, recruiters); fires `ll-signed-in` with the user. */
@customElement('ll-sign-in-form')
export class LlSignInForm extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; max-width: 26rem; }
      form { padding: 1.25rem; display: grid; gap: 1rem; }
      h2 { margin: 0; font-size: 1.2rem; }
    `,
  ];

  @state() private _error = '';
  @state() private _busy = false;

  override render() {
    return html`<form class="card" @submit=${this._onSubmit} novalidate>
      <h2>Sign in</h2>
      <div>
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
      </div>
      <div>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div><button type="submit" ?disabled=${this._busy}>${this._busy ? 'Signing in…' : 'Sign in'}</button></div>
      <p class="hint">Hiring? <a href="/recruiters/join">Create a recruiter account</a>. Organizers and admins get theirs from an admin
        (<code>npm run user -- add</code>).</p>
    </form>`;
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) {
      this._error = 'Enter your email and your password.';
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const me = await signIn(email, password);
      setSignedIn(me);
      this.dispatchEvent(new CustomEvent('ll-signed-in', { detail: me, bubbles: true, composed: true }));
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'Signing in failed. Try again.';
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-sign-in-form': LlSignInForm;
  }
}
