import { sql, type Kysely } from 'kysely';

/**
 * Per-target limits (mails to one address, messages to one candidate) shared by every process on
 * the database: one row per (scope, key), holding the times of the hits inside the window, at
 * most `max` of them (server/services/limits.ts). The key is a sha256 hash: no address is stored.
 * `expires_at` is when the newest hit leaves the window; the minute sweep deletes rows past it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('limit_hits')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('hits', sql`timestamptz[]`, (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('limit_hits_pkey', ['scope', 'key_hash'])
    .execute();
  await db.schema.createIndex('limit_hits_expires_at_idx').on('limit_hits').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('limit_hits').execute();
}
