import { createHash, randomBytes } from 'node:crypto';
import { httpErrors } from '@fastify/sensible';
import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import type { TokenPurpose } from '../../db/schema.js';

/**
 * How long each kind of link works. A removal link rides in every mail to a candidate, so it
 * must outlive the mail's reading; a manage link is short; a session is what a used manage link
 * turns into while the edit form is open. A confirm link ("keep me listed", "I found a job")
 * rides in the freshness mails and outlives the 14 days before a profile is hidden, and then some:
 * the mail that says a profile was hidden carries one as its way back.
 */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify: 24 * 60 * 60 * 1000,
  manage: 30 * 60 * 1000,
  session: 2 * 60 * 60 * 1000,
  remove: 365 * 24 * 60 * 60 * 1000,
  confirm: 90 * 24 * 60 * 60 * 1000,
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new random token (256 bits) for a profile; only its hash is stored, with `fields` if given. */
export async function issueToken(
  db: Executor,
  profileId: number,
  purpose: TokenPurpose,
  fields?: object,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('profile_tokens')
    .values({
      profile_id: profileId,
      token_hash: hashToken(token),
      purpose,
      expires_at: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
      fields: fields ? JSON.stringify(fields) : null,
    })
    .execute();
  return token;
}

export type TokenCheck =
  | { ok: true; profileId: number; fields: unknown }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** What a person is told for each way a link can fail: what happened and what to do. */
export const TOKEN_PROBLEMS: Record<Exclude<TokenCheck, { ok: true }>['reason'], string> = {
  unknown: 'This link is not valid. Check that you copied the whole link from the email, or ask for a new one.',
  used: 'This link was already used. Ask for a new one.',
  expired: 'This link has expired. Ask for a new one.',
};

/** A link in a body that does not work: 400 when unknown, 410 when used or expired. */
export function tokenError(check: { reason: keyof typeof TOKEN_PROBLEMS }) {
  const message = `body.token: ${TOKEN_PROBLEMS[check.reason]}`;
  return check.reason === 'unknown' ? httpErrors.badRequest(message) : httpErrors.gone(message);
}

/**
 * Checks a token of `purpose` and, when `consume` is set, marks it used in the same statement,
 * so two concurrent uses cannot both succeed.
 *
 * The tokens that are consumed are the single-use links mailed to a profile's address (verify,
 * manage): whoever uses one reads that mailbox. The same statement records that the owner proved
 * the address (`email_verified_at`): from then on the profile is self-managed, and no import
 * changes its fields (see listOwns in imports/stage.ts).
 */
export async function checkToken(
  db: Executor,
  token: string,
  purpose: TokenPurpose,
  options: { consume: boolean },
): Promise<TokenCheck> {
  const hash = hashToken(token);
  if (options.consume) {
    const used = await db
      .with('used', (q) =>
        q
          .updateTable('profile_tokens')
          .set({ used_at: sql`now()` })
          .where('token_hash', '=', hash)
          .where('purpose', '=', purpose)
          .where('used_at', 'is', null)
          .where('expires_at', '>', sql<Date>`now()`)
          .returning(['profile_id', 'fields']),
      )
      .with('proven', (q) =>
        q
          .updateTable('profiles')
          .set({ email_verified_at: sql`now()` })
          .where('id', 'in', (eb) => eb.selectFrom('used').select('profile_id'))
          .where('email_verified_at', 'is', null),
      )
      .selectFrom('used')
      .select(['profile_id', 'fields'])
      .executeTakeFirst();
    if (used) return { ok: true, profileId: used.profile_id, fields: used.fields };
  }
  const row = await db
    .selectFrom('profile_tokens')
    .select(['profile_id', 'used_at', 'expires_at', 'fields'])
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at && options.consume) return { ok: false, reason: 'used' };
  if (new Date(row.expires_at).getTime() <= Date.now()) return { ok: false, reason: 'expired' };
  if (options.consume) return { ok: false, reason: 'used' };
  return { ok: true, profileId: row.profile_id, fields: row.fields };
}
