/**
 * The codes a profile's fields take: what the database checks, the API validates, the form offers
 * and the labels spell out. Shared by the browser and the server.
 */
export const PROFILE_STATUSES = ['pending', 'published', 'hidden', 'removed'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];
/** Who may see a published profile: anyone, or verified recruiters only. */
export const PROFILE_VISIBILITIES = ['public', 'recruiters'] as const;
export type ProfileVisibility = (typeof PROFILE_VISIBILITIES)[number];
export const SENIORITIES = ['intern', 'junior', 'mid', 'senior', 'staff', 'principal', 'manager', 'director', 'executive'] as const;
export type Seniority = (typeof SENIORITIES)[number];
export const REMOTE_PREFERENCES = ['remote', 'hybrid', 'onsite', 'flexible'] as const;
export type RemotePreference = (typeof REMOTE_PREFERENCES)[number];
export const WORK_AUTHORIZATIONS = ['authorized', 'needs_sponsorship'] as const;
export type WorkAuthorization = (typeof WORK_AUTHORIZATIONS)[number];
export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'contract', 'internship', 'freelance'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
