import { request } from './http.js';

interface ContactMessage {
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
