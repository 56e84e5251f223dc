import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { removeWithLink } from '../api/profiles.js';
import { LinkAction } from '../components/link-action.js';
import { controls, notices, page, tokens } from '../styles.js';

/** /remove?token=…: the one-click removal link at the bottom of every mail. */
@customElement('ll-remove-page')
export class LlRemovePage extends LitElement {
  static override styles = [tokens, controls, page, notices];

  @property({ attribute: false }) params: Record<string, string> = {};

  private _link = new LinkAction(this, { act: async (token) => (await removeWithLink(token)).message, usedPath: '/remove' });

  override render() {
    const { busy, done, error, token } = this._link;
    if (done) {
      return html`<h1>Profile removed</h1>
        <section class="notice" role="status" tabindex="-1" id="result">
          <h2>Done</h2>
          <p>${done}</p>
          <p>We keep only a one-way hash of your address, so no one can list you again without you.</p>
        </section>`;
    }
    return html`<h1>Remove my profile</h1>
      ${error ? html`<section class="notice error" role="alert"><p>${error}</p>
          <p><a href="/manage">Ask for a new link</a></p></section>` : nothing}
      ${token
        ? html`<section class="notice">
            <p>This removes your Lifeline profile for good: it leaves search within seconds, and your name, email and everything else
              you entered are erased. There is no undo, but you can join again later with another address.</p>
            <p>Only want a break? <a href="/manage">Hide your profile instead</a>.</p>
            <p class="row"><button class="danger" type="button" ?disabled=${busy} @click=${() => this._link.run()}>
              ${busy ? 'Removing…' : 'Remove my profile'}</button></p>
          </section>`
        : html`<section class="notice error" role="alert"><p>This page needs the removal link from one of our emails. Open it from the mail again,
            or <a href="/manage">ask for a manage link</a>.</p></section>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-remove-page': LlRemovePage;
  }
}
