import { renderMail, type RenderedMail } from './layout.js';

/**
 * Sent after the Join form: publishing waits for this click. Anyone can type any address into
 * the form, so nothing they typed is in this mail (it would carry a stranger's words and links to
 * the address): the link opens a page that shows what was sent, and publishes only on a click.
 */
export function verifyMail(p: { verifyUrl: string; removalUrl: string }): RenderedMail {
  return renderMail({
    subject: 'Confirm your Lifeline profile',
    paragraphs: [
      'Someone, we hope you, filled in the Lifeline Join form with this address. Lifeline is an opt-in directory where recruiters find people who were laid off and are open to work.',
      'Nothing is published until you confirm. The link shows you the profile that was sent, and you publish it there, or not.',
    ],
    action: { label: 'See and confirm my profile', url: p.verifyUrl },
    notes: [
      'The link works for 24 hours. Your email address stays private unless you chose to show it.',
      'If you did not fill in the Lifeline form, ignore this mail: nothing will be published, or use the link below to erase what was sent.',
    ],
    removalUrl: p.removalUrl,
  });
}
