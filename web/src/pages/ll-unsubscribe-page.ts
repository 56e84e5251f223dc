import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import { unsubscribe } from '../api/workspace.js';
import { LinkAction } from '../components/link-action.js';
import { controls, notices, page, tokens } from '../styles.js';

/**
 * /unsubscribe?token=…: the link at the bottom of a saved search's alert. Opening it changes
 * nothing (mail scanners open links); the button does. Mail clients use the one-click POST.
 */
@customElement('ll-unsubscribe-page')
export class LlUnsubscribePage extends LitElement {
  static override styles = [tokens, controls, page, notices];

  @property({ attribute: false }) params: Record<string, string> = {};

  private _link = new LinkAction(this, {
    act: async (token) => (await unsubscribe(token)).name,
    usedPath: '/unsubscribe',
    problem: (err) => (err instanceof ApiError ? err.message : 'That did not work. Try again in a minute.'),
  });

  override render() {
    const { busy, done, error, token } = this._link;
    if (done) {
      return html`<h1>Alerts stopped</h1>
        <section class="notice" role="status" tabindex="-1" id="result">
          <p>You will get no more emails for your saved search “${done}”. The search itself stays in your workspace.</p>
          <p><a href="/workspace">Turn alerts back on in your workspace</a></p>
        </section>`;
    }
    return html`<h1>Stop these alerts</h1>
      ${error ? html`<section class="notice error" role="alert"><p>${error}</p></section>` : nothing}
      ${token
        ? html`<section class="notice">
            <p>Stop the emails about new people matching this saved search. You can turn them back on, or change how often they come, in your workspace.</p>
            <p class="row"><button type="button" ?disabled=${busy} @click=${() => this._link.run()}>${busy ? 'Stopping…' : 'Stop these alerts'}</button></p>
          </section>`
        : html`<section class="notice error" role="alert"><p>This page needs the link from one of our alert emails. Or change your alerts in your
            <a href="/workspace">workspace</a>.</p></section>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-unsubscribe-page': LlUnsubscribePage;
  }
}
