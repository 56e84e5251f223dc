/**
 * The one layout of every mail Lifeline sends: a plain-text body (what many people read) and an
 * HTML body with the same words. Every value that came from a person is escaped in the HTML.
 */
interface MailContent {
  subject: string;
  /** "Hi Ada," when the name is known. */
  name?: string | null;
  paragraphs: string[];
  /** A list of linked entries after the paragraphs (the people of an alert). */
  items?: { label: string; detail?: string; url: string }[];
  /** Words of someone other than Lifeline, shown apart as theirs: "> " lines in text, a blockquote in HTML. */
  quote?: string;
  action?: { label: string; url: string };
  /** Other one-click answers, shown as lesser buttons after the action. */
  otherActions?: { label: string; url: string }[];
  /** Said after the button: how long the link works, what to do if it was not you. */
  notes?: string[];
  /** The one-click removal link; every mail about a profile carries one. */
  removalUrl?: string;
  /** The unsubscribe page of a mail someone asked for (an alert); every such mail carries one. */
  unsubscribeUrl?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const REMOVAL_NOTE = 'Remove my profile from Lifeline, in one click:';
const UNSUBSCRIBE_NOTE = 'Stop these emails, in one click:';

export function renderMail(content: MailContent): RenderedMail {
  const greeting = content.name ? `Hi ${content.name},` : 'Hi,';
  const footers = [
    ...(content.removalUrl ? [{ note: REMOVAL_NOTE, url: content.removalUrl }] : []),
    ...(content.unsubscribeUrl ? [{ note: UNSUBSCRIBE_NOTE, url: content.unsubscribeUrl }] : []),
  ];
  const items = content.items ?? [];
  const text = [
    greeting,
    ...content.paragraphs,
    ...(items.length > 0 ? [items.map((i) => `- ${i.label}${i.detail ? ` (${i.detail})` : ''}\n  ${i.url}`).join('\n')] : []),
    ...(content.quote !== undefined ? [content.quote.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')] : []),
    ...(content.action ? [`${content.action.label}:\n${content.action.url}`] : []),
    ...(content.otherActions ?? []).map((a) => `${a.label}:\n${a.url}`),
    ...(content.notes ?? []),
    ...footers.map((f) => `—\n${f.note}\n${f.url}`),
    '— Lifeline, the opt-in directory of people open to work',
  ].join('\n\n');

  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1c2430;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #d9dee5;border-radius:10px;padding:24px">
<p style="margin:0 0 16px;font-weight:700;color:#0f766e">Lifeline</p>
${p(greeting)}
${content.paragraphs.map(p).join('\n')}
${
  items.length > 0
    ? `<ul style="margin:0 0 16px;padding-left:20px">${items
        .map(
          (i) =>
            `<li style="margin:0 0 8px"><a href="${escapeHtml(i.url)}" style="color:#115e59;font-weight:600">${escapeHtml(i.label)}</a>${
              i.detail ? `<br><span style="color:#5b6675;font-size:14px">${escapeHtml(i.detail)}</span>` : ''
            }</li>`,
        )
        .join('\n')}</ul>`
    : ''
}
${
  content.quote !== undefined
    ? `<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #9aa5b1;background:#f6f7f9;white-space:pre-wrap">${escapeHtml(content.quote)}</blockquote>`
    : ''
}
${
  content.action
    ? `<p style="margin:24px 0 8px">${[{ ...content.action, main: true }, ...(content.otherActions ?? []).map((a) => ({ ...a, main: false }))]
        .map(
          (a) =>
            `<a href="${escapeHtml(a.url)}" style="${a.main ? 'background:#0f766e;color:#fff;border:1px solid #0f766e' : 'background:#fff;color:#115e59;border:1px solid #0f766e'};padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600;display:inline-block;margin:0 8px 8px 0">${escapeHtml(a.label)}</a>`,
        )
        .join('')}</p>
<p style="margin:0 0 16px;font-size:14px;color:#5b6675">${
        content.otherActions?.length
          ? `Or paste an address into your browser:${[content.action, ...content.otherActions].map((a) => `<br>${escapeHtml(a.label)}: ${escapeHtml(a.url)}`).join('')}`
          : `Or paste this address into your browser: ${escapeHtml(content.action.url)}`
      }</p>`
    : ''
}
${(content.notes ?? []).map(p).join('\n')}
${footers
  .map(
    (f) => `<hr style="border:0;border-top:1px solid #d9dee5;margin:24px 0">
<p style="margin:0;font-size:14px;color:#5b6675">${escapeHtml(f.note)} <a href="${escapeHtml(f.url)}" style="color:#115e59">${escapeHtml(f.url)}</a></p>`,
  )
  .join('\n')}
</div></body></html>`;
  return { subject: content.subject, text, html };
}
