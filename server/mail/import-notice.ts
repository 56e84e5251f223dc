import { renderMail, type RenderedMail } from './layout.js';

interface ImportNotice {
  name: string;
  listTitle: string;
  profileUrl: string;
  removalUrl: string;
  /** The public fields, as "Label: value" lines. */
  published: string[];
  /** Whether the person chose to show their address on the profile (it is then among `published`). */
  emailShown: boolean;
}

/** The one mail a person gets when a list they joined is imported: what is public, and how to leave. */
export function importNoticeMail(notice: ImportNotice): RenderedMail {
  return renderMail({
    // The list's title is the organizer's text: it stays in the body, quoted, never in the subject.
    subject: 'You are now listed on Lifeline',
    name: notice.name,
    paragraphs: [
      `You added yourself to the layoff list "${notice.listTitle}". Its organizer imported that list into Lifeline, a public directory where recruiters find people who are open to work.`,
      'This is what recruiters can see:',
      ...notice.published,
      notice.emailShown
        ? 'Your email address is shown on your profile, as you chose; recruiters can also reach you through Lifeline.'
        : 'Your email address is not shown to anyone; recruiters reach you through Lifeline.',
    ],
    action: { label: 'See your profile', url: notice.profileUrl },
    notes: ['You get this message once for this list. Not what you want? The link below removes you, no sign-in needed.'],
    removalUrl: notice.removalUrl,
  });
}
