import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import { unsubscribe } from '../api/workspace.js';
import { controls, notices, page, tokens } from '../styles.js';

/**
 * /unsubscribe?token=…: the link at the bottom of a saved search's alert. Opening it changes
 * nothing (mail scanners open links); the button does. Mail clients use the one-click POST.
 */
@customElement('ll-unsubscribe-page')
export class LlUnsubscribePage extends LitElement {
  static override styles = [tokens, controls, page, notices];

  @property({ attribute: false }) params: Record<string, string> = {};

  @state() private _busy = false;
  @state() private _done = '';
  @state() private _error = '';

  private _token = new URLSearchParams(location.search).get('token') ?? '';

  override render() {
    if (this._done) {
      return html`<h1>Alerts stopped</h1>
        <section class="notice" role="status" tabindex="-1" id="result">
          <p>You will get no more emails for your saved search “${this._done}”. The search itself stays in your workspace.</p>
          <p><a href="/workspace">Turn alerts back on in your workspace</a></p>
        </section>`;
    }
    return html`<h1>Stop these alerts</h1>
      ${this._error ? html`<section class="notice error" role="alert"><p>${this._error}</p></section>` : nothing}
      ${this._token
        ? html`<section class="notice">
            <p>Stop the emails about new people matching this saved search. You can turn them back on, or change how often they come, in your workspace.</p>
            <p class="row"><button type="button" ?disabled=${this._busy} @click=${this._onStop}>${this._busy ? 'Stopping…' : 'Stop these alerts'}</button></p>
          </section>`
        : html`<section class="notice error" role="alert"><p>This page needs the link from one of our alert emails. Or change your alerts in your
            <a href="/workspace">workspace</a>.</p></section>`}`;
  }

  private async _onStop() {
    this._busy = true;
    this._error = '';
    try {
      this._done = (await unsubscribe(this._token)).name;
      history.replaceState(null, '', '/unsubscribe');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#result')?.focus();
    } catch (err) {
      this._error = err instanceof ApiError ? err.message : 'That did not work. Try again in a minute.';
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-unsubscribe-page': LlUnsubscribePage;
  }
}
