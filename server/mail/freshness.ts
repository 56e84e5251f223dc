import { renderMail, type RenderedMail } from './layout.js';

interface FreshnessLinks {
  name: string;
  /** `/confirm?token=`: keeps the profile listed, or lists it again. */
  confirmUrl: string;
  /** `/hired?token=`: the person found a job. */
  hiredUrl: string;
  removalUrl: string;
}

/** "Still looking?": sent once, `CONFIRM_AFTER_DAYS` after the profile was last confirmed. */
export function stillLookingMail(p: FreshnessLinks & { confirmedDaysAgo: number; hideAfterDays: number }): RenderedMail {
  return renderMail({
    subject: 'Still looking for work? One click keeps your Lifeline profile listed',
    name: p.name,
    paragraphs: [
      `Your Lifeline profile was last confirmed ${days(p.confirmedDaysAgo)} ago. Recruiters look for people who are open to work right now, so we ask once in a while, and only you can answer.`,
      'Still looking? One click keeps your profile listed as it is. Found a job? Congratulations! Tell us and your profile leaves search; your layoff list counts you among the people who found work.',
    ],
    action: { label: 'Keep me listed', url: p.confirmUrl },
    otherActions: [{ label: 'I found a job', url: p.hiredUrl }],
    notes: [
      `If we do not hear from you in ${days(p.hideAfterDays)}, we hide your profile from search. Nothing is deleted: the same link brings it back.`,
      'Each link opens a page with one button: nothing changes until you press it.',
    ],
    removalUrl: p.removalUrl,
  });
}

/** Sent when a reminder went unanswered and the profile was hidden as stale: what happened, and the way back. */
export function hiddenAsStaleMail(p: FreshnessLinks): RenderedMail {
  return renderMail({
    subject: 'Your Lifeline profile is hidden for now',
    name: p.name,
    paragraphs: [
      'We asked whether you are still looking for work and did not hear back, so your profile no longer shows in Lifeline search. Recruiters only see people who are open to work right now.',
      'Nothing is deleted. If you are still looking, one click lists you again, as you were.',
    ],
    action: { label: 'List me again', url: p.confirmUrl },
    otherActions: [{ label: 'I found a job', url: p.hiredUrl }],
    notes: ['The links work for 90 days. After that, ask for a manage link on the Lifeline website: your profile is there, with the same buttons.'],
    removalUrl: p.removalUrl,
  });
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
