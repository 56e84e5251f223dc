import type { DevMessage } from '../../../server/schemas/dev-mail.js';
import { query, request } from './http.js';

export type { DevMessage };

/** The mail to `to` in the dev mailbox: a 404 unless the mailbox is on and this browser runs on Lifeline's machine. */
export const listDevMail = async (to: string, signal?: AbortSignal) =>
  (await request<{ messages: DevMessage[] }>('GET', `/api/dev/mail${query({ to })}`, { signal })).messages;
