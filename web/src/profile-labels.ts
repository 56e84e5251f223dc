/** How the closed lists of a profile read to people. */
import type { EmploymentType, RemotePreference, Seniority, WorkAuthorization } from '../../common/profile-codes.js';

export const SENIORITY_LABELS: Record<Seniority, string> = {
  intern: 'Intern',
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  staff: 'Staff',
  principal: 'Principal',
  manager: 'Manager',
  director: 'Director',
  executive: 'Executive',
};

export const REMOTE_LABELS: Record<RemotePreference, string> = {
  remote: 'Remote only',
  hybrid: 'Hybrid',
  onsite: 'On-site',
  flexible: 'Any of these',
};

export const WORK_AUTHORIZATION_LABELS: Record<WorkAuthorization, string> = {
  authorized: 'Authorized to work where I live',
  needs_sponsorship: 'Needs visa sponsorship',
};

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  full_time: 'Full-time',
  part_time: 'Part-time',
  contract: 'Contract',
  internship: 'Internship',
  freelance: 'Freelance',
};

const regionNames = new Intl.DisplayNames([...navigator.languages, 'en'], { type: 'region' });

/** "DE" → "Germany" (in the reader's language). */
export const countryLabel = (code: string) => regionNames.of(code) ?? code;
