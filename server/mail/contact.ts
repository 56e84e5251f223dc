import { renderMail, type RenderedMail } from './layout.js';

/** A recruiter's message, relayed: the candidate answers by replying (Reply-To is the recruiter). */
export function contactMail(p: {
  name: string;
  from: { name: string; company: string | null };
  message: string;
  profileUrl: string;
  removalUrl: string;
}): RenderedMail {
  const who = `${p.from.name}${p.from.company ? ` from ${p.from.company}` : ''}`;
  return renderMail({
    subject: `${p.from.name}${p.from.company ? ` (${p.from.company})` : ''} wants to reach you through Lifeline`,
    name: p.name,
    paragraphs: [`${who} saw your profile on Lifeline and wrote to you:`, ...p.message.split(/\n{2,}/)],
    notes: [
      `Reply to this email to answer ${p.from.name} directly. Lifeline has not shared your address; they only see it if you reply.`,
      `Your profile: ${p.profileUrl}`,
    ],
    removalUrl: p.removalUrl,
  });
}
