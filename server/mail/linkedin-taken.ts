import { renderMail, type RenderedMail } from './layout.js';

/**
 * Sent instead of a verification when the LinkedIn profile on the form already belongs to
 * another listing. The answer to the form is the same as always, so only the owner of this
 * address learns it. Nothing was stored, so there is nothing to remove.
 */
export function linkedinTakenMail(p: { name: string; linkedinUrl: string }): RenderedMail {
  return renderMail({
    subject: 'Your Lifeline profile was not created',
    name: p.name,
    paragraphs: [
      `The LinkedIn profile ${p.linkedinUrl} is already part of another Lifeline profile, so we did not create a new one and stored nothing about you.`,
      'If that profile is yours, ask for a manage link with the address it was listed with. Otherwise fill in the form again without the LinkedIn address.',
    ],
  });
}
