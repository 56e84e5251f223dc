import { renderMail, type RenderedMail } from './layout.js';

/**
 * Sent after the recruiter sign-up form: the account does nothing until this click proves the
 * address. Anyone can type any address, so nothing they typed (name, company) is in this mail.
 */
export function recruiterVerifyMail(p: { verifyUrl: string }): RenderedMail {
  return renderMail({
    subject: 'Confirm your Lifeline recruiter account',
    paragraphs: [
      'Someone, we hope you, signed up for a recruiter account on Lifeline with this address. Lifeline is an opt-in directory of people who were laid off and are open to work; verified recruiters can read their full profiles and write to them.',
      'Confirm that this address is yours to finish signing up. Nothing happens until you do.',
    ],
    action: { label: 'Confirm my work address', url: p.verifyUrl },
    notes: [
      'The link works for 24 hours, once. An address on a company domain is verified at once; a personal address (Gmail, Outlook …) waits for a review by the Lifeline team.',
      'If you did not sign up, ignore this mail: no account will be opened with your address.',
    ],
  });
}

/** Sent when someone signs up with an address that already has an account: the form said nothing, this mail says it to the owner only. */
export function recruiterExistsMail(p: { signInUrl: string }): RenderedMail {
  return renderMail({
    subject: 'You already have a Lifeline account',
    paragraphs: [
      'Someone, we hope you, tried to sign up for a recruiter account on Lifeline with this address. It already has an account, so nothing changed.',
    ],
    action: { label: 'Sign in', url: p.signInUrl },
    notes: ['If this was not you, you can ignore this mail: your account and password are unchanged.'],
  });
}

/** An admin's decision on the account, told to its owner. */
export function recruiterDecisionMail(p: { state: 'verified' | 'suspended'; name: string | null; signInUrl: string }): RenderedMail {
  return p.state === 'verified'
    ? renderMail({
        subject: 'Your Lifeline recruiter account is approved',
        name: p.name,
        paragraphs: ['The Lifeline team reviewed your recruiter account and approved it. You can now search every profile and write to candidates.'],
        action: { label: 'Sign in', url: p.signInUrl },
      })
    : renderMail({
        subject: 'Your Lifeline recruiter account is suspended',
        name: p.name,
        paragraphs: [
          'The Lifeline team suspended your recruiter account: you can no longer write to candidates or see what Lifeline keeps to verified recruiters.',
          'If you think this is a mistake, reply to this mail.',
        ],
      });
}
