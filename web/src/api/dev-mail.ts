import { query, request } from './http.js';

export interface DevMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  links: string[];
  createdAt: string;
}

/** The dev mailbox (only without SMTP_URL; a 404 otherwise). */
export const listDevMail = async (to: string, signal?: AbortSignal) =>
  (await request<{ messages: DevMessage[] }>('GET', `/api/dev/mail${query({ to })}`, { signal })).messages;
