import { renderMail, type RenderedMail } from './layout.js';

/**
 * A verified recruiter's message, relayed: the candidate answers by replying (Reply-To is the
 * recruiter). Nothing the recruiter typed reaches the subject, where a mail client shows it as if
 * Lifeline said it; who they are comes from their account (name, company, the domain of the
 * address they proved), and their words appear only in the body, quoted and labelled as theirs.
 * It carries the candidate's one-click links (block, report: services/message-actions.ts) and no
 * removal link: a reply quotes the mail to the recruiter, and that link removes the profile.
 */
export function contactMail(p: {
  name: string;
  from: { name: string; company: string; domain: string; personalDomain: boolean };
  message: string;
  profileUrl: string;
  manageUrl: string;
  links: { blockRecruiter: string; blockCompany: string | null; report: string };
}): RenderedMail {
  const checked = p.from.personalDomain
    ? `They write from a personal address at ${p.from.domain}, not a company domain; the Lifeline team reviewed their account.`
    : `Lifeline checked that they use a work address at ${p.from.domain}.`;
  return renderMail({
    subject: 'A recruiter wrote to you through Lifeline',
    name: p.name,
    paragraphs: [
      `${p.from.name}, a recruiter at ${p.from.company}, saw your profile on Lifeline and sent you the message below. ${checked}`,
      'Their message:',
    ],
    quote: p.message,
    notes: [
      'Be careful with links in it, and never send a password, an ID document or money to someone you have not checked.',
      'Reply to this email to answer them directly. Lifeline has not shared your address; they only see it if you reply.',
      `Not interested in hearing from them again? Block this recruiter: ${p.links.blockRecruiter}`,
      ...(p.links.blockCompany ? [`Block everyone from ${p.from.domain}: ${p.links.blockCompany}`] : []),
      `Is this message spam, a scam or abuse? Report it: ${p.links.report}`,
      `Your profile: ${p.profileUrl}`,
      // No one-click removal link here: a reply quotes the mail to its sender, and that link
      // removes the profile for good. The manage page mails a fresh link to the owner instead.
      `To hide or remove your profile, ask for a link at ${p.manageUrl}`,
    ],
  });
}
