import { html, nothing } from 'lit';

/** "Mail is kept in the dev mailbox": said after sending a link, only when Lifeline sends no real mail. */
export const devMailboxHint = (devMailbox: string | undefined, to: string) =>
  devMailbox
    ? html`<p>Running Lifeline on your own machine? Mail is kept in the <a href="${devMailbox}?to=${encodeURIComponent(to)}">dev mailbox</a>.</p>`
    : nothing;
