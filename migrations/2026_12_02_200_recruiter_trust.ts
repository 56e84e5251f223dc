import { sql, type Kysely } from 'kysely';

/**
 * Trust tiers and the recruiter's door:
 * - `profiles.visibility`: 'recruiters' keeps a profile from anyone not signed in as a verified
 *   recruiter (search, counts, its page).
 * - `user_tokens`: a recruiter's mailed verify link, hashed, single use, with an expiry, and the
 *   sign-up's answers (name, company, password hash) it applies when clicked.
 * - `recruiter_blocks`: a candidate's "block this recruiter" or "block this company" (its work
 *   email domain); `abuse_reports`: one per candidate and recruiter, counted since the account's
 *   last review (`users.reviewed_at`) to suspend it.
 * - `contact_requests.recruiter_id`: who sent a relayed message.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('profiles')
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public').check(sql`visibility in ('public', 'recruiters')`))
    .execute();
  await db.schema.alterTable('users').addColumn('reviewed_at', 'timestamptz').execute();
  // Search documents now carry `visibility`, which anonymous searches filter on: the sync worker
  // rewrites every published profile's document, so none is missing from search meanwhile.
  await sql`insert into search_outbox (profile_id) select id from profiles where status = 'published'`.execute(db);

  await db.schema
    .createTable('user_tokens')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('verify')`))
    .addColumn('fields', 'jsonb')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('user_tokens_user').on('user_tokens').column('user_id').execute();

  await db.schema
    .createTable('recruiter_blocks')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('recruiter_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('email_domain', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('recruiter_blocks_one_target', sql`(recruiter_id is null) <> (email_domain is null)`)
    .execute();
  await sql`create unique index recruiter_blocks_recruiter on recruiter_blocks (profile_id, recruiter_id) where recruiter_id is not null`.execute(db);
  await sql`create unique index recruiter_blocks_domain on recruiter_blocks (profile_id, email_domain) where email_domain is not null`.execute(db);

  await db.schema
    .createTable('abuse_reports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('recruiter_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('abuse_reports_once', ['profile_id', 'recruiter_id'])
    .execute();
  await db.schema.createIndex('abuse_reports_recruiter').on('abuse_reports').columns(['recruiter_id', 'created_at']).execute();

  await db.schema
    .alterTable('contact_requests')
    .addColumn('recruiter_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contact_requests').dropColumn('recruiter_id').execute();
  await db.schema.dropTable('abuse_reports').execute();
  await db.schema.dropTable('recruiter_blocks').execute();
  await db.schema.dropTable('user_tokens').execute();
  await db.schema.alterTable('users').dropColumn('reviewed_at').execute();
  await db.schema.alterTable('profiles').dropColumn('visibility').execute();
}
