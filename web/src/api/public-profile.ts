import { request } from './http.js';
import type { SearchHit } from './search.js';

/** GET /api/profiles/:slug: the public profile (email only when the person chose to show it). */
export interface PublicProfile extends Omit<SearchHit, 'lists'> {
  lists: (string | { slug: string; title?: string })[];
  employmentTypes?: string[];
  websiteUrl?: string | null;
  bio?: string | null;
  email?: string | null;
}

export function getPublicProfile(slug: string, signal: AbortSignal): Promise<PublicProfile> {
  return request('GET', `/api/profiles/${encodeURIComponent(slug)}`, { signal });
}

export interface ContactMessage {
  name: string;
  email: string;
  company: string;
  message: string;
  /** The honeypot: people never see it, so it stays empty. */
  website: string;
}

/** Relays a message to the person by mail; their address is never shown. */
export function contactProfile(slug: string, message: ContactMessage, signal?: AbortSignal): Promise<{ status: 'sent' }> {
  return request('POST', `/api/profiles/${encodeURIComponent(slug)}/contact`, { body: message, signal });
}
