import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { listDevMail } from '../api/dev-mail.js';
import { tokens } from '../styles.js';

/**
 * "Mail is kept in the dev mailbox": said after sending a link, only where the mailbox answers,
 * that is when Lifeline sends no real mail and this browser runs on its machine. Public answers
 * never tell whether there is a mailbox, so the hint asks the mailbox itself (a 404 for anyone else).
 */
@customElement('ll-dev-mailbox-hint')
export class LlDevMailboxHint extends LitElement {
  static override styles = [tokens, css`
      :host { display: block; }
      p { margin: 0 0 0.5rem; }
      a { color: var(--ll-accent-strong); }
    `,
  ];

  /** The address the link went to. */
  @property() to = '';

  private _mailbox = new Task(this, {
    task: ([to], { signal }) => listDevMail(to, signal),
    args: () => [this.to] as const,
  });

  override render() {
    return this._mailbox.render({
      complete: () =>
        html`<p>Running Lifeline on your own machine? Mail is kept in the <a href="/dev/mailbox?to=${encodeURIComponent(this.to)}">dev mailbox</a>.</p>`,
      pending: () => nothing,
      error: () => nothing,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'll-dev-mailbox-hint': LlDevMailboxHint;
  }
}
