import { renderMail, type RenderedMail } from './layout.js';

/** Sent after the Join form: publishing waits for this click. */
export function verifyMail(p: { name: string; headline: string; verifyUrl: string; removalUrl: string }): RenderedMail {
  return renderMail({
    subject: 'Confirm your Lifeline profile',
    name: p.name,
    paragraphs: [
      `Thanks for joining Lifeline. Your profile "${p.name} — ${p.headline}" is ready, but nobody can see it until you confirm this address.`,
    ],
    action: { label: 'Confirm and publish my profile', url: p.verifyUrl },
    notes: [
      'The link works for 24 hours. Your email address stays private unless you chose to show it.',
      'If you did not fill in the Lifeline form, ignore this mail: nothing will be published, or use the link below to erase what was sent.',
    ],
    removalUrl: p.removalUrl,
  });
}
