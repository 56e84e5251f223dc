import { request } from './http.js';

interface ContactMessage {
  message: string;
  /** The honeypot: people never see it, so it stays empty. */
  website: string;
}

/** Relays a verified recruiter's message to the person by mail; their address is never shown. */
export function contactProfile(slug: string, message: ContactMessage, headers: Record<string, string> | undefined, signal?: AbortSignal): Promise<{ status: 'sent' }> {
  return request('POST', `/api/profiles/${encodeURIComponent(slug)}/contact`, { body: message, headers, signal });
}
