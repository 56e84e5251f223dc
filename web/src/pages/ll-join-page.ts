import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import { joinDirectory, type CreateProfileBody } from '../api/profiles.js';
import '../components/ll-dev-mailbox-hint.js';
import '../components/ll-optin-form.js';
import type { LlOptinForm } from '../components/ll-optin-form.js';
import { controls, notices, page, tokens } from '../styles.js';

/** /join: the opt-in form, then "check your email". */
@customElement('ll-join-page')
export class LlJoinPage extends LitElement {
  static override styles = [tokens, controls, page, notices, css`
      .steps { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.75rem; list-style: none; padding: 0; margin: 0 0 1.5rem; max-width: 52rem; counter-reset: step; }
      .steps li { background: var(--ll-surface); border: 1px solid var(--ll-border); border-radius: var(--ll-radius); padding: 0.75rem 1rem; counter-increment: step; }
      .steps li::before { content: counter(step); display: inline-grid; place-items: center; width: 1.6rem; height: 1.6rem; border-radius: 50%;
        background: var(--ll-accent); color: #fff; font-weight: 700; margin-right: 0.5rem; font-size: 0.9rem; }
      .form { max-width: 52rem; }
      @media (max-width: 640px) { .steps { grid-template-columns: minmax(0, 1fr); } }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};

  @state() private _busy = false;
  /** The address the confirmation went to, once sent. */
  @state() private _sentTo: string | undefined;

  override render() {
    return html`
      <h1>Join the directory</h1>
      <p class="lead">
        Laid off? Add yourself in two minutes so recruiters can find you by skill, region and former employer. Your email stays
        private, and you can edit, hide or remove your profile whenever you like.
        Already listed? <a href="/manage">Manage your profile</a>.
      </p>
      ${this._sentTo ? this._renderSent(this._sentTo) : nothing}
      <div ?hidden=${this._sentTo !== undefined}>
        <ol class="steps" aria-label="How it works">
          <li>Fill in this form.</li>
          <li>Confirm with the link we email you.</li>
          <li>Recruiters find you in search.</li>
        </ol>
        <ll-optin-form class="form" mode="join" submitLabel="Join the directory" .busy=${this._busy}
          @ll-optin-submit=${this._onSubmit}></ll-optin-form>
      </div>
    `;
  }

  private _renderSent(email: string) {
    return html`<section class="notice" tabindex="-1" id="sent" aria-labelledby="sent-title">
      <h2 id="sent-title">Check your email</h2>
      <p>We sent a link to <strong>${email}</strong>. Click it within 24 hours to publish your profile. Until then nobody can see it.</p>
      <p>No mail after a few minutes? Look in your spam folder, or send the form again: only the newest link works.</p>
      <ll-dev-mailbox-hint .to=${email}></ll-dev-mailbox-hint>
      <p class="row"><button class="secondary" type="button" @click=${this._onEdit}>Change my answers or address</button></p>
    </section>`;
  }

  private async _onSubmit(event: CustomEvent<CreateProfileBody>) {
    const form = event.target as LlOptinForm;
    this._busy = true;
    try {
      await joinDirectory(event.detail);
      this._sentTo = event.detail.email;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#sent')?.focus();
      window.scrollTo(0, 0);
    } catch (err) {
      form.showServerError(err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');
    } finally {
      this._busy = false;
    }
  }

  private _onEdit() {
    this._sentTo = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-join-page': LlJoinPage;
  }
}
