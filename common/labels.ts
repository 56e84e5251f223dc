import type { EmploymentType, RemotePreference, Seniority, WorkAuthorization } from './profile-codes.js';

/**
 * How a profile's codes read to people, wherever they are shown: the profile and search pages
 * of the web app, and the mail that tells a person what their profile shows. Shared by the
 * server and the browser, so it imports nothing that runs.
 */
const SENIORITY: Record<Seniority, string> = {
  intern: 'Intern', junior: 'Junior', mid: 'Mid-level', senior: 'Senior', staff: 'Staff', principal: 'Principal',
  manager: 'Manager', director: 'Director', executive: 'Executive',
};
const REMOTE: Record<RemotePreference, string> = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site', flexible: 'Flexible' };
const WORK_AUTHORIZATION: Record<WorkAuthorization, string> = { authorized: 'No sponsorship needed', needs_sponsorship: 'Needs visa sponsorship' };
const EMPLOYMENT_TYPE: Record<EmploymentType, string> = {
  full_time: 'Full-time', part_time: 'Part-time', contract: 'Contract', internship: 'Internship', freelance: 'Freelance',
};

/** A code the labels do not know (from a newer server, say) reads as itself. */
const labelOf = (labels: Record<string, string>) => (value: string) => labels[value] ?? value;

export const seniorityLabel = labelOf(SENIORITY);
export const remoteLabel = labelOf(REMOTE);
export const workAuthorizationLabel = labelOf(WORK_AUTHORIZATION);
export const employmentTypeLabel = labelOf(EMPLOYMENT_TYPE);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The English name of a country code ("DE" → "Germany"); anything that is not a code reads as itself. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    // Not even shaped like a region code ("xyz", from a hand-edited search URL, say).
    return code;
  }
}

/** How sure an import's automatic choice of a column is, in words: 1 the header says it, 0.8 among other words, less a guess. */
export function mappingSureness(confidence: number): { level: 'sure' | 'likely' | 'check'; label: string } {
  if (confidence >= 1) return { level: 'sure', label: 'Sure' };
  if (confidence >= 0.8) return { level: 'likely', label: 'Likely' };
  return { level: 'check', label: 'Check this' };
}
