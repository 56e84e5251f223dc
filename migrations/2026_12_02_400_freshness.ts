import { sql, type Kysely } from 'kysely';

/**
 * Freshness (DESIGN.md): a published profile is confirmed now and then, or leaves search.
 * - `last_confirmed_at` (the API's `confirmedAt`) is backfilled for published profiles from when
 *   they were published, so none starts its cycle unconfirmed.
 * - `reminded_at`: when the "Still looking?" mail of the current cycle went out (null: not yet);
 *   whatever confirms the profile clears it, which starts a new cycle.
 * - `hidden_reason` says why a hidden profile is hidden: its owner hid it, it went stale, its
 *   owner found a job (`hired_at`), or the followed sheet of the only list it was on dropped it. Profiles hidden before this were hidden by their owners; it
 *   means nothing on a profile that is not hidden.
 * - `profile_lists.seen_at`: the last time an import of the list included the person; people
 *   without an email follow it instead of a reminder.
 * - `hires`: one row per list (or one without a list) for each person who found a job, kept
 *   after the profile itself is erased, so a list's and an employer's outcomes stay counted.
 * - `profile_tokens.purpose` takes 'confirm': the links of the freshness mails.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('profiles')
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('hidden_reason', 'text', (c) => c.check(sql`hidden_reason in ('owner', 'stale', 'hired', 'unlisted')`))
    .addColumn('hired_at', 'timestamptz')
    .execute();
  await sql`update profiles set last_confirmed_at = coalesce(published_at, updated_at)
    where status = 'published' and last_confirmed_at is null`.execute(db);
  await sql`update profiles set hidden_reason = 'owner' where status = 'hidden'`.execute(db);
  // The sweep's candidates: published profiles by when they were last confirmed (as the search
  // document says: else published, else updated), and by when they were reminded.
  await sql`create index profiles_confirmed on profiles ((coalesce(last_confirmed_at, published_at, updated_at)))
    where status = 'published'`.execute(db);
  await db.schema
    .createIndex('profiles_reminded')
    .on('profiles')
    .column('reminded_at')
    .where(sql<boolean>`status = 'published' and reminded_at is not null`)
    .execute();
  await db.schema
    .createIndex('profiles_hired')
    .on('profiles')
    .column('hired_at')
    .where(sql.ref('hidden_reason'), '=', 'hired')
    .execute();

  await db.schema.alterTable('profile_lists').addColumn('seen_at', 'timestamptz').execute();
  await sql`update profile_lists set seen_at = added_at`.execute(db);
  await sql`alter table profile_lists alter column seen_at set default now(), alter column seen_at set not null`.execute(db);

  await db.schema
    .createTable('hires')
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id'))
    .addColumn('list_id', 'integer', (c) => c.references('layoff_lists.id').onDelete('cascade'))
    .addColumn('employer_id', 'integer', (c) => c.references('employers.id'))
    .addColumn('hired_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hires_profile').on('hires').column('profile_id').execute();
  await db.schema.createIndex('hires_list').on('hires').columns(['list_id', 'hired_at']).execute();
  await db.schema.createIndex('hires_employer').on('hires').column('employer_id').execute();

  await sql`alter table profile_tokens drop constraint profile_tokens_purpose_check`.execute(db);
  await sql`alter table profile_tokens add constraint profile_tokens_purpose_check
    check (purpose in ('verify', 'manage', 'session', 'remove', 'confirm'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('profile_tokens').where('purpose', '=', 'confirm').execute();
  await sql`alter table profile_tokens drop constraint profile_tokens_purpose_check`.execute(db);
  await sql`alter table profile_tokens add constraint profile_tokens_purpose_check
    check (purpose in ('verify', 'manage', 'session', 'remove'))`.execute(db);
  await db.schema.dropTable('hires').execute();
  await db.schema.alterTable('profile_lists').dropColumn('seen_at').execute();
  await db.schema.dropIndex('profiles_hired').execute();
  await db.schema.dropIndex('profiles_reminded').execute();
  await db.schema.dropIndex('profiles_confirmed').execute();
  await db.schema.alterTable('profiles').dropColumn('reminded_at').dropColumn('hidden_reason').dropColumn('hired_at').execute();
}
