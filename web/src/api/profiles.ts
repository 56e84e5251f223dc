/** The candidate's side of the API: join, confirm, manage, remove, and form suggestions. */
import type { AnonymousProfile, CreateProfileBody, OwnProfile, PublicProfile, UpdateProfileBody } from '../../../server/schemas/profiles.js';
import { query, request } from './http.js';

export type { CreateProfileBody, OwnProfile, PublicProfile, UpdateProfileBody };

interface Session {
  token: string;
  expiresAt: string;
  profile: OwnProfile;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The answer to a request that mails a link: the same whether or not the address is known. */
interface Accepted {
  message: string;
}

export const joinDirectory = (body: CreateProfileBody, signal?: AbortSignal) =>
  request<Accepted>('POST', '/api/profiles', { body, signal });

/** What the verify link would publish, before the owner confirms it. */
export const previewClaim = (token: string, signal?: AbortSignal) =>
  request<{ profile: PublicProfile }>('POST', '/api/profiles/verify/preview', { body: { token }, signal });

export const verifyProfile = (token: string, signal?: AbortSignal) =>
  request<{ url: string; profile: PublicProfile }>('POST', '/api/profiles/verify', { body: { token }, signal });

export const requestManageLink = (email: string, signal?: AbortSignal) =>
  request<Accepted>('POST', '/api/profiles/manage-link', { body: { email }, signal });

export const removeWithLink = (token: string, signal?: AbortSignal) =>
  request<{ status: 'removed'; message: string }>('POST', '/api/profiles/remove', { body: { token }, signal });

/** What a "Still looking?" answer did. */
interface FreshnessOutcome {
  status: 'listed' | 'hired';
  message: string;
}

/** "Keep me listed" (or "List me again") from a freshness mail. */
export const keepListedWithLink = (token: string, signal?: AbortSignal) =>
  request<FreshnessOutcome>('POST', '/api/profiles/confirm', { body: { token }, signal });

/** "I found a job" from a freshness mail. */
export const hiredWithLink = (token: string, signal?: AbortSignal) =>
  request<FreshnessOutcome>('POST', '/api/profiles/hired', { body: { token }, signal });

export const keepOwnListed = (token: string, signal?: AbortSignal) =>
  request<OwnProfile>('POST', '/api/me/profile/confirm', { headers: bearer(token), signal });

export const markOwnHired = (token: string, signal?: AbortSignal) =>
  request<OwnProfile>('POST', '/api/me/profile/hired', { headers: bearer(token), signal });

export const openSession = (manageToken: string, signal?: AbortSignal) =>
  request<Session>('POST', '/api/me/session', { headers: bearer(manageToken), signal });

export const getOwnProfile = (token: string, signal?: AbortSignal) =>
  request<OwnProfile>('GET', '/api/me/profile', { headers: bearer(token), signal });

export const updateOwnProfile = (token: string, body: UpdateProfileBody, signal?: AbortSignal) =>
  request<OwnProfile>('PATCH', '/api/me/profile', { headers: bearer(token), body, signal });

export const removeOwnProfile = (token: string, signal?: AbortSignal) =>
  request<{ status: 'removed'; message: string }>('DELETE', '/api/me/profile', { headers: bearer(token), signal });

/** A profile as either tier gets it: what is kept to verified recruiters is absent for anyone else. */
export type TieredProfile = AnonymousProfile & Partial<Pick<PublicProfile, 'linkedinUrl' | 'workAuthorization' | 'yearsExperience' | 'email'>>;

export const getPublicProfile = (slug: string, signal?: AbortSignal) =>
  request<TieredProfile>('GET', `/api/profiles/${encodeURIComponent(slug)}`, { signal });

export interface SkillSuggestion {
  name: string;
  count: number;
}
export interface EmployerSuggestion {
  slug: string;
  name: string;
  alias: string | null;
  count: number;
}

export const suggestSkills = async (q: string, signal?: AbortSignal) =>
  (await request<{ skills: SkillSuggestion[] }>('GET', `/api/skills${query({ q, limit: 8 })}`, { signal })).skills;

export const suggestEmployers = async (q: string, signal?: AbortSignal) =>
  (await request<{ employers: EmployerSuggestion[] }>('GET', `/api/employers${query({ q, limit: 8 })}`, { signal })).employers;

/** A link's problem as a person should read it: the API's message without the field it names. */
export function linkProblem(err: unknown): string {
  if (err instanceof Error && err.name !== 'AbortError') return err.message.replace(/^(body\.token|authorization): /, '');
  return 'Something went wrong. Please try again.';
}
