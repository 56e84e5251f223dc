import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { applyMessageAction } from '../api/account.js';
import { linkProblem } from '../api/profiles.js';
import { controls, notices, page, tokens } from '../styles.js';

/** What each link of a relayed message offers, before the candidate confirms. */
const ACTIONS: Record<string, { title: string; explain: string; button: string }> = {
  'block-recruiter': {
    title: 'Block this recruiter',
    explain: 'They will not be able to write to you through Lifeline again. They are not told.',
    button: 'Block this recruiter',
  },
  'block-company': {
    title: 'Block everyone from this company',
    explain: 'No recruiter with an address at this company will be able to write to you through Lifeline. They are not told.',
    button: 'Block the company',
  },
  report: {
    title: 'Report this message',
    explain: 'The Lifeline team will look at this recruiter, and they will not be able to write to you again. Accounts reported by several people are suspended.',
    button: 'Report abuse',
  },
};

/**
 * /message-action?token=…: a link of a relayed message. Opening it changes nothing (mail scanners
 * open links); the button does.
 */
@customElement('ll-message-action-page')
export class LlMessageActionPage extends LitElement {
  static override styles = [tokens, controls, page, notices];

  @property({ attribute: false }) params: Record<string, string> = {};

  @state() private _done = '';
  @state() private _busy = false;
  @state() private _error = '';

  private _token = new URLSearchParams(location.search).get('token') ?? '';

  override render() {
    const action = ACTIONS[this._token.split('.')[0] ?? ''];
    if (this._done) {
      return html`<h1>${action?.title ?? 'Done'}</h1><section class="notice" role="status" tabindex="-1" id="result"><p>${this._done}</p></section>`;
    }
    if (!action) {
      return html`<h1>This link does not work</h1>
        <section class="notice error" role="alert"><p>Open the link from the message again: it may have been cut.</p></section>`;
    }
    return html`<h1>${action.title}</h1>
      ${this._error ? html`<section class="notice error" role="alert"><p>${this._error}</p></section>` : nothing}
      <section class="notice"><p>${action.explain}</p>
        <p class="row"><button type="button" ?disabled=${this._busy} @click=${this._onConfirm}>${this._busy ? 'Working…' : action.button}</button></p>
      </section>`;
  }

  private async _onConfirm() {
    this._busy = true;
    this._error = '';
    try {
      this._done = (await applyMessageAction(this._token)).message;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#result')?.focus();
    } catch (err) {
      this._error = linkProblem(err);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-message-action-page': LlMessageActionPage;
  }
}
