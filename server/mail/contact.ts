import { renderMail, type RenderedMail } from './layout.js';

/**
 * A recruiter's message, relayed: the candidate answers by replying (Reply-To is the sender).
 * Nothing the sender typed reaches the subject, where a mail client shows it as if Lifeline said
 * it; their name and words appear only in the body, quoted and labelled as theirs. Unlike every
 * other mail to a candidate it has no one-click removal link: the reply goes to the sender.
 */
export function contactMail(p: {
  name: string;
  from: { name: string; company: string | null };
  message: string;
  profileUrl: string;
  manageUrl: string;
}): RenderedMail {
  const sender = `${p.from.name}${p.from.company ? `, ${p.from.company}` : ''}`;
  return renderMail({
    subject: 'Someone wrote to you through Lifeline',
    name: p.name,
    paragraphs: [
      'Someone who saw your profile on Lifeline sent you the message below. Lifeline passes it on as it was written, and has not checked who sent it.',
      `They gave their name as: ${sender}`,
      'Their message:',
    ],
    quote: p.message,
    notes: [
      'Be careful with links in it, and never send a password, an ID document or money to someone you have not checked.',
      'Reply to this email to answer them directly. Lifeline has not shared your address; they only see it if you reply.',
      `Your profile: ${p.profileUrl}`,
      // No one-click removal link here: a reply quotes the mail to its sender, and that link
      // removes the profile for good. The manage page mails a fresh link to the owner instead.
      `To hide or remove your profile, ask for a link at ${p.manageUrl}`,
    ],
  });
}
