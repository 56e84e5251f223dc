import { sql, type Kysely } from 'kysely';

/**
 * A recruiter's workspace: saved searches with alerts, and shortlists with a private note per
 * person (DESIGN.md, "Who sees what").
 *
 * - `saved_searches.query` is the Search page's query string as it was saved; the alert sweep
 *   replays it. `high_water_at`: people confirmed (published or re-confirmed) from this moment on
 *   are new; it starts when the search is saved. `alert_due_at` is when the next alert is due
 *   (null when alerts are off), indexed for the sweep. `last_visited_at` is when the recruiter last
 *   opened it from the workspace ("new since your last visit").
 * - `saved_search_sent`: who an alert already listed, so no one is mailed twice per search.
 * - `alert_mails`: the outbox of alert mails, written in the transaction that advances the high-water
 *   mark, sent and deleted after: no alert is lost and none is sent twice. `profile_ids` names the
 *   people it lists, so that removing one of them deletes the mail before it leaves.
 * - `dev_mail.headers`: the dev mailbox keeps the headers a mail was sent with (List-Unsubscribe).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('saved_searches')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('alert', 'text', (c) => c.notNull().check(sql`alert in ('daily', 'weekly', 'off')`))
    .addColumn('high_water_at', 'timestamptz', (c) => c.notNull())
    .addColumn('alert_due_at', 'timestamptz')
    .addColumn('last_alerted_at', 'timestamptz')
    .addColumn('last_visited_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('saved_searches_user_idx').on('saved_searches').columns(['user_id', 'id']).execute();
  await db.schema
    .createIndex('saved_searches_alert_due_idx')
    .on('saved_searches')
    .column('alert_due_at')
    .where(sql.ref('alert_due_at'), 'is not', null)
    .execute();

  await db.schema
    .createTable('saved_search_sent')
    .addColumn('saved_search_id', 'integer', (c) => c.notNull().references('saved_searches.id').onDelete('cascade'))
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('saved_search_sent_pkey', ['saved_search_id', 'profile_id'])
    .execute();

  await db.schema
    .createTable('alert_mails')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('saved_search_id', 'integer', (c) => c.notNull().references('saved_searches.id').onDelete('cascade'))
    .addColumn('mail', 'jsonb', (c) => c.notNull())
    .addColumn('profile_ids', sql`integer[]`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('shortlists')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('shortlists_user_idx').on('shortlists').columns(['user_id', 'id']).execute();

  await db.schema
    .createTable('shortlist_profiles')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('shortlist_id', 'integer', (c) => c.notNull().references('shortlists.id').onDelete('cascade'))
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('shortlist_profiles_unique', ['shortlist_id', 'profile_id'])
    .execute();
  await db.schema.createIndex('shortlist_profiles_profile_idx').on('shortlist_profiles').column('profile_id').execute();
  await db.schema.createIndex('saved_search_sent_profile_idx').on('saved_search_sent').column('profile_id').execute();

  await db.schema.alterTable('dev_mail').addColumn('headers', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dev_mail').dropColumn('headers').execute();
  await db.schema.dropTable('shortlist_profiles').execute();
  await db.schema.dropTable('shortlists').execute();
  await db.schema.dropTable('alert_mails').execute();
  await db.schema.dropTable('saved_search_sent').execute();
  await db.schema.dropTable('saved_searches').execute();
}
