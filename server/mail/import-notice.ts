import type { MailMessage } from './mailer.js';

export interface ImportNotice {
  to: string;
  name: string;
  listTitle: string;
  profileUrl: string;
  removeUrl: string;
  /** The public fields, as "Label: value" lines. */
  published: string[];
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The one mail a person gets when a list they joined is imported: what is public, and how to leave. */
export function importNoticeMail(notice: ImportNotice): MailMessage {
  const subject = `You are now listed on Lifeline (from "${notice.listTitle}")`;
  const text = [
    `Hi ${notice.name},`,
    '',
    `You added yourself to the layoff list "${notice.listTitle}". Its organizer imported that list into Lifeline, a public directory where recruiters find people who are open to work.`,
    '',
    'This is what recruiters can see:',
    ...notice.published.map((line) => `  ${line}`),
    '',
    `Your profile: ${notice.profileUrl}`,
    'Your email address is not shown to anyone; recruiters reach you through Lifeline.',
    '',
    'Not what you want? Remove yourself in one click (no sign-in needed):',
    notice.removeUrl,
    '',
    'You get this message once for this list.',
  ].join('\n');
  const html = `<p>Hi ${escapeHtml(notice.name)},</p>
<p>You added yourself to the layoff list “${escapeHtml(notice.listTitle)}”. Its organizer imported that list into Lifeline, a public directory where recruiters find people who are open to work.</p>
<p>This is what recruiters can see:</p>
<ul>${notice.published.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
<p><a href="${escapeHtml(notice.profileUrl)}">See your profile</a>. Your email address is not shown to anyone.</p>
<p>Not what you want? <a href="${escapeHtml(notice.removeUrl)}">Remove yourself in one click</a> (no sign-in needed).</p>
<p>You get this message once for this list.</p>`;
  return { to: notice.to, subject, text, html };
}
