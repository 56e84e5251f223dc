import type { Executor } from '../../db/client.js';
import { linkSigned, signLink } from './app-secrets.js';

const KEY = 'alert-unsubscribe-links';
/** "<saved search id>.<HMAC-SHA256 of it, base64url>" */
const SIGNED = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/;


/**
 * The unsubscribe links of a saved search's alerts: one-click for mail clients (RFC 8058, the
 * List-Unsubscribe header: POST to the API) and a page for people (GET shows it, its button
 * POSTs). Signed, not stored: a link in any old alert keeps working, and names only its search.
 */
export async function unsubscribeLinks(db: Executor, savedSearchId: number, publicUrl: string): Promise<{ oneClick: string; page: string }> {
  const token = `${savedSearchId}.${await signLink(db, KEY, `unsubscribe:${savedSearchId}`)}`;
  return {
    oneClick: `${publicUrl}/api/saved-searches/unsubscribe?token=${token}`,
    page: `${publicUrl}/unsubscribe?token=${token}`,
  };
}

/** The saved search an unsubscribe token stands for, or undefined when it is not one of ours. */
export async function checkUnsubscribeToken(db: Executor, token: string): Promise<number | undefined> {
  const signed = SIGNED.exec(token);
  if (!signed) return undefined;
  const id = Number(signed[1]);
  return (await linkSigned(db, KEY, `unsubscribe:${id}`, signed[2]!)) ? id : undefined;
}
