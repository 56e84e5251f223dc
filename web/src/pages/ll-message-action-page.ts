import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { applyMessageAction } from '../api/account.js';
import { LinkAction } from '../components/link-action.js';
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

  private _link = new LinkAction(this, { act: async (token) => (await applyMessageAction(token)).message });

  override render() {
    const { busy, done, error, token } = this._link;
    const action = ACTIONS[token.split('.')[0] ?? ''];
    if (done) {
      return html`<h1>${action?.title ?? 'Done'}</h1><section class="notice" role="status" tabindex="-1" id="result"><p>${done}</p></section>`;
    }
    if (!action) {
      return html`<h1>This link does not work</h1>
        <section class="notice error" role="alert"><p>Open the link from the message again: it may have been cut.</p></section>`;
    }
    return html`<h1>${action.title}</h1>
      ${error ? html`<section class="notice error" role="alert"><p>${error}</p></section>` : nothing}
      <section class="notice"><p>${action.explain}</p>
        <p class="row"><button type="button" ?disabled=${busy} @click=${() => this._link.run()}>${busy ? 'Working…' : action.button}</button></p>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-message-action-page': LlMessageActionPage;
  }
}
