import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { linkProblem, removeWithLink } from '../api/profiles.js';
import { controls, notices, page, tokens } from '../styles.js';

/** /remove?token=…: the one-click removal link at the bottom of every mail. */
@customElement('ll-remove-page')
export class LlRemovePage extends LitElement {
  static override styles = [tokens, controls, page, notices];

  @property({ attribute: false }) params: Record<string, string> = {};

  @state() private _busy = false;
  @state() private _done = '';
  @state() private _error = '';

  private _token = new URLSearchParams(location.search).get('token') ?? '';

  override render() {
    if (this._done) {
      return html`<h1>Profile removed</h1>
        <section class="notice" role="status" tabindex="-1" id="result">
          <h2>Done</h2>
          <p>${this._done}</p>
          <p>We keep only a one-way hash of your address, so no one can list you again without you.</p>
        </section>`;
    }
    return html`<h1>Remove my profile</h1>
      ${this._error ? html`<section class="notice error" role="alert"><p>${this._error}</p>
          <p><a href="/manage">Ask for a new link</a></p></section>` : nothing}
      ${this._token
        ? html`<section class="notice">
            <p>This removes your Lifeline profile for good: it leaves search within seconds, and your name, email and everything else
              you entered are erased. There is no undo, but you can join again later with another address.</p>
            <p>Only want a break? <a href="/manage">Hide your profile instead</a>.</p>
            <p class="row"><button class="danger" type="button" ?disabled=${this._busy} @click=${this._onRemove}>
              ${this._busy ? 'Removing…' : 'Remove my profile'}</button></p>
          </section>`
        : html`<section class="notice error" role="alert"><p>This page needs the removal link from one of our emails. Open it from the mail again,
            or <a href="/manage">ask for a manage link</a>.</p></section>`}`;
  }

  private async _onRemove() {
    this._busy = true;
    this._error = '';
    try {
      this._done = (await removeWithLink(this._token)).message;
      history.replaceState(null, '', '/remove');
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
    'll-remove-page': LlRemovePage;
  }
}
