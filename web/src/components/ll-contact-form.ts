import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import { csrf, type Me } from '../api/account.js';
import { contactProfile } from '../api/contact.js';
import { controls, tokens } from '../styles.js';

const MESSAGE_MAX = 5_000;

/**
 * A verified recruiter writes to a person through Lifeline: the message goes by mail, signed with
 * the recruiter's account, with their address to reply to; the person's own address is never shown.
 */
@customElement('ll-contact-form')
export class LlContactForm extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host { display: block; }
      form { display: grid; gap: 0.85rem; }
      textarea { min-height: 9rem; resize: vertical; }
      .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
      .foot { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; justify-content: space-between; }
      .privacy { color: var(--ll-muted); font-size: 0.85rem; margin: 0; flex: 1 1 14rem; }
      .alert { border-radius: 8px; padding: 0.75rem 1rem; margin: 0; }
      .alert.error { background: var(--ll-danger-soft); color: var(--ll-danger); border: 1px solid rgb(180 35 24 / 25%); }
      .alert.sent { background: #ecfdf3; color: var(--ll-ok); border: 1px solid rgb(6 118 71 / 25%); }
      .alert strong { display: block; }
    `,
  ];

  @property() slug = '';
  /** Whom the message goes to, for the labels ("Write to Ada"). */
  @property() recipient = '';
  /** The signed-in verified recruiter who writes. */
  @property({ attribute: false }) me: Me | undefined;

  @state() private _status: 'idle' | 'sending' | 'sent' = 'idle';
  @state() private _error = '';

  override render() {
    if (this._status === 'sent') {
      return html`<div class="alert sent" role="status">
        <strong>Message sent.</strong>
        ${this.recipient} will get it by email and can answer you directly at your address.
      </div>`;
    }
    const sending = this._status === 'sending';
    return html`
      <form @submit=${this._onSubmit} aria-describedby="privacy">
        <div>
          <label for="message">Message</label>
          <textarea id="message" name="message" required minlength="20" maxlength=${MESSAGE_MAX}
            placeholder="Say the role you have in mind and why it fits."></textarea>
        </div>
        <div class="trap" aria-hidden="true">
          <label for="website">Leave this empty</label><input id="website" name="website" tabindex="-1" autocomplete="off" />
        </div>
        ${this._error ? html`<p class="alert error" role="alert">${this._error}</p>` : nothing}
        <div class="foot">
          <p class="privacy" id="privacy">We send your message by email, signed ${this.me?.name ?? ''}${this.me?.company ? `, ${this.me.company}` : ''}. ${this.recipient || 'They'} replies from their own inbox to yours; we never show theirs.</p>
          <button type="submit" ?disabled=${sending}>${sending ? 'Sending…' : 'Send message'}</button>
        </div>
      </form>
    `;
  }

  /** Focuses the first field, so "Write to …" elsewhere on the page can start the message. */
  override focus() {
    this.renderRoot.querySelector<HTMLTextAreaElement>('#message')?.focus();
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? '');
    this._status = 'sending';
    this._error = '';
    try {
      await contactProfile(this.slug, { message: field('message'), website: field('website') }, this.me && csrf(this.me));
      this._status = 'sent';
    } catch (err) {
      this._status = 'idle';
      // The API names fields as "body.email"; people know them by their labels.
      this._error = err instanceof ApiError ? err.message.replace(/\bbody\./g, '') : 'The message could not be sent. Please try again.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-contact-form': LlContactForm;
  }
}
