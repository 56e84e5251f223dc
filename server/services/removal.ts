import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import { suppress, suppressionHashes, type Identity } from '../privacy/suppression.js';
import { checkToken } from './tokens.js';
import { linkSigned, signLink } from './app-secrets.js';
import { enqueue } from '../../db/outbox.js';

const REMOVAL_KEY = 'removal-links';
/** "<profile id>.<HMAC-SHA256 of it, base64url>" */
const SIGNED = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/;

/**
 * A one-click removal link for a profile (`PUBLIC_URL/remove?token=…`), for every mail to a
 * candidate. It is one link per profile, signed rather than stored: mails that anyone can cause
 * (a recruiter's message, an import notice) no longer mint a token each, and a link in an old
 * mail keeps working for as long as the profile exists.
 */
export async function removalLink(db: Executor, profileId: number, publicUrl: string): Promise<string> {
  return `${publicUrl}/remove?token=${profileId}.${await signLink(db, REMOVAL_KEY, `remove:${profileId}`)}`;
}

/** The profile a removal link stands for: a signed link, or one minted and stored before links were signed. */
export async function checkRemovalToken(db: Executor, token: string): ReturnType<typeof checkToken> {
  const signed = SIGNED.exec(token);
  if (!signed) return checkToken(db, token, 'remove', { consume: false });
  const profileId = Number(signed[1]);
  return (await linkSigned(db, REMOVAL_KEY, `remove:${profileId}`, signed[2]!))
    ? { ok: true, profileId, fields: null }
    : { ok: false, reason: 'unknown' };
}

/**
 * Removes a profile for good: its personal data is erased in place (the row stays, scrubbed,
 * so ids in logs and outboxes still resolve to "removed"), and so are the copies of it kept
 * elsewhere (see scrubCopies); hashes of its email and LinkedIn URL are kept so no import brings
 * the person back, its links stop working except the removal links (which then just say
 * "removed"), and an outbox row takes it out of search. Call it in a transaction. Returns false
 * when the profile was already removed or does not exist.
 */
export async function removeProfile(db: Executor, profileId: number): Promise<boolean> {
  const row = await db
    .selectFrom('profiles')
    .select(['email', 'linkedin_url', 'status'])
    .where('id', '=', profileId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.status === 'removed') return false;
  const identity = { email: row.email, linkedinUrl: row.linkedin_url };
  await suppress(db, identity);
  await scrubCopies(db, identity);
  await db
    .updateTable('profiles')
    .set({
      status: 'removed',
      // The slug is made from the name: it goes too.
      slug: `removed-${profileId}`,
      name: 'Removed profile',
      headline: null,
      role: null,
      seniority: null,
      skills: [],
      years_experience: null,
      country: null,
      region: null,
      city: null,
      remote: null,
      relocation: null,
      work_authorization: null,
      employment_types: [],
      layoff_date: null,
      available_from: null,
      former_employer_id: null,
      linkedin_url: null,
      website_url: null,
      bio: null,
      email: null,
      email_verified_at: null,
      show_email: false,
      consent_at: null,
      consent_source: null,
      consent_version: null,
      last_confirmed_at: null,
      published_at: null,
      removed_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', profileId)
    .execute();
  await db.deleteFrom('profile_lists').where('profile_id', '=', profileId).execute();
  await db.deleteFrom('contact_requests').where('profile_id', '=', profileId).execute();
  // A saved-search alert naming them that has not left yet does not leave.
  await db.deleteFrom('alert_mails').where(sql<boolean>`${profileId} = any(profile_ids)`).execute();
  await db.deleteFrom('profile_tokens').where('profile_id', '=', profileId).where('purpose', '!=', 'remove').execute();
  await enqueue(db, profileId);
  return true;
}

/**
 * Erases what other tables hold of a person: the mail sent to their address (the dev mailbox),
 * the rows of import reports that name them (found by the hashes kept with each row, through
 * their index), and their rows in import previews. Previews are few (one per import, 20 rows
 * each) and expire with their report, so scanning those still kept is cheap.
 */
async function scrubCopies(db: Executor, { email, linkedinUrl }: Identity): Promise<void> {
  if (email) await db.deleteFrom('dev_mail').where(sql<string>`lower(to_address)`, '=', sql<string>`lower(${email})`).execute();
  const hashes = suppressionHashes({ email, linkedinUrl });
  if (hashes.length > 0) {
    await db.deleteFrom('import_rejections').where('identity_hashes', '&&', sql<string[]>`${hashes}::text[]`).execute();
  }
  const names = sql`(lower(e -> 'values' ->> 'email') = lower(${email ?? null}) or e -> 'values' ->> 'linkedinUrl' = ${linkedinUrl ?? null})`;
  await sql`
    update imports set preview = (
      select coalesce(jsonb_agg(e order by n), '[]') from jsonb_array_elements(preview) with ordinality as x(e, n)
      where ${names} is not true)
    where preview is not null
      and exists (select 1 from jsonb_array_elements(preview) as x(e) where ${names})`.execute(db);
}
