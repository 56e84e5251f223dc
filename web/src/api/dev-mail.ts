import type { DevMessage } from '../../../server/schemas/dev-mail.js';
import { query, request } from './http.js';

export type { DevMessage };

/** The dev mailbox (only without SMTP_URL; a 404 otherwise). */
export const listDevMail = async (to: string, signal?: AbortSignal) =>
  (await request<{ messages: DevMessage[] }>('GET', `/api/dev/mail${query({ to })}`, { signal })).messages;
