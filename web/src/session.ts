import { getMe, type Me } from './api/account.js';

/**
 * Who is signed in, shared by the header and the pages: asked once per page load, told again on
 * sign-in and sign-out (`ll-session` on window).
 */
let current: Promise<Me | undefined> | undefined;

export function signedIn(): Promise<Me | undefined> {
  current ??= getMe().catch(() => undefined);
  return current;
}

export function setSignedIn(me: Me | undefined): void {
  current = Promise.resolve(me);
  window.dispatchEvent(new Event('ll-session'));
}

/** "Recruiter · verified", "Admin" … for the header and the account page. */
export function roleLabel(me: Me): string {
  const role = me.role[0]!.toUpperCase() + me.role.slice(1);
  return me.recruiterState ? `${role} · ${RECRUITER_STATE_LABELS[me.recruiterState]}` : role;
}

export const RECRUITER_STATE_LABELS: Record<NonNullable<Me['recruiterState']>, string> = {
  unverified: 'address not confirmed',
  verified: 'verified',
  in_review: 'in review',
  suspended: 'suspended',
};
