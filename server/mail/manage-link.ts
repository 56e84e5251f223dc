import { renderMail, type RenderedMail } from './layout.js';

/** Sent on request from the manage page, and when someone joins again with a listed address. */
export function manageLinkMail(p: {
  name: string;
  manageUrl: string;
  removalUrl: string;
  /** True when the request was a new Join form for an address that is already listed. */
  alreadyListed: boolean;
}): RenderedMail {
  return renderMail({
    subject: p.alreadyListed ? 'You are already on Lifeline' : 'Your link to manage your Lifeline profile',
    name: p.name,
    paragraphs: [
      p.alreadyListed
        ? 'Someone (probably you) filled in the Lifeline Join form with this address, which already has a profile. We did not change it.'
        : 'Here is the link you asked for to edit, hide or remove your Lifeline profile.',
    ],
    action: { label: p.alreadyListed ? 'Edit my existing profile' : 'Manage my profile', url: p.manageUrl },
    notes: ['The link works once, for 30 minutes. If you did not ask for it, ignore this mail: nothing changes.'],
    removalUrl: p.removalUrl,
  });
}
