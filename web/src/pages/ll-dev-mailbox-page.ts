import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../api/http.js';
import { listDevMail, type DevMessage } from '../api/dev-mail.js';
import { controls, notices, page, tokens } from '../styles.js';

const LINK = /(https?:\/\/[^\s<>"')]+)/g;

/**
 * /dev/mailbox: the mail Lifeline would have sent to one address, when it runs without SMTP_URL
 * on a laptop, so that the confirmation and manage links work there.
 */
@customElement('ll-dev-mailbox-page')
export class LlDevMailboxPage extends LitElement {
  static override styles = [tokens, controls, page, notices, css`
      form { display: flex; gap: 0.75rem; align-items: flex-end; flex-wrap: wrap; margin: 0 0 1.25rem; max-width: 44rem; }
      form div { flex: 1 1 16rem; }
      ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; max-width: 52rem; }
      article { padding: 1rem 1.25rem; }
      h2 { font-size: 1.1rem; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
      .meta { color: var(--ll-muted); font-size: 0.875rem; margin: 0 0 0.75rem; overflow-wrap: anywhere; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: 0; background: var(--ll-page); border-radius: 8px; padding: 0.75rem; }
    `,
  ];

  @property({ attribute: false }) params: Record<string, string> = {};

  @state() private _to = new URLSearchParams(location.search).get('to') ?? '';

  private _mail = new Task(this, {
    // The mailbox shows one address at a time: nothing to ask before one is entered.
    task: async ([to], { signal }) => (to ? listDevMail(to, signal) : undefined),
    args: () => [this._to] as const,
  });

  override render() {
    return html`<h1>Dev mailbox</h1>
      <p class="lead">Lifeline runs without SMTP_URL, so mail is kept here instead of being sent. Links in these messages work as they would in a real inbox.</p>
      <form role="search" @submit=${this._onFilter}>
        <div>
          <label for="to">Mail to</label>
          <input id="to" type="email" required placeholder="ada@example.org" .value=${this._to} autocomplete="off" />
        </div>
        <button type="submit">Show</button>
        <button type="button" class="secondary" @click=${() => this._mail.run()}>Refresh</button>
      </form>
      ${this._mail.render({
        pending: () => html`<p role="status">Loading mail…</p>`,
        complete: (messages) =>
          messages === undefined
            ? html`<p class="notice" role="status">Enter an address to read the mail sent to it.</p>`
            : messages.length === 0
            ? html`<p class="notice" role="status">No mail to ${this._to} yet.</p>`
            : html`<ol aria-label="Messages, newest first">${messages.map((m) => html`<li>${this._renderMessage(m)}</li>`)}</ol>`,
        error: (err) =>
          html`<p class="notice error" role="alert">
            ${err instanceof ApiError && err.status === 404
              ? 'The dev mailbox is not open to you: it answers only a browser on the machine Lifeline runs on, and only when Lifeline sends no real mail.'
              : (err as Error).message}
          </p>`,
      })}`;
  }

  private _renderMessage(m: DevMessage) {
    return html`<article class="card" aria-labelledby="mail-${m.id}">
      <h2 id="mail-${m.id}">${m.subject}</h2>
      <p class="meta">To ${m.to} · ${new Date(m.createdAt).toLocaleString()}</p>
      <pre>${m.text.split(LINK).map((part, i) => (i % 2 === 1 ? html`<a href=${part}>${part}</a>` : part))}</pre>
    </article>`;
  }

  private _onFilter(event: Event) {
    event.preventDefault();
    this._to = this.renderRoot.querySelector<HTMLInputElement>('#to')!.value.trim();
    history.replaceState(null, '', this._to ? `/dev/mailbox?to=${encodeURIComponent(this._to)}` : '/dev/mailbox');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-dev-mailbox-page': LlDevMailboxPage;
  }
}
