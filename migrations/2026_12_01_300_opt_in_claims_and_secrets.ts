import { sql, type Kysely } from 'kysely';

/**
 * Two changes that close enumeration and token minting:
 * - A verify link carries the answers of the form it was sent for (`profile_tokens.fields`), so a
 *   second Join form for a pending address no longer overwrites the first, nor revokes its link:
 *   whichever link the owner clicks publishes what was sent with it.
 * - `app_secrets` keeps keys that every process must share (the key of removal links, which are
 *   derived from the profile id instead of minted and stored per mail).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('profile_tokens').addColumn('fields', 'jsonb').execute();
  await db.schema
    .createTable('app_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_secrets').execute();
  await db.schema.alterTable('profile_tokens').dropColumn('fields').execute();
}
