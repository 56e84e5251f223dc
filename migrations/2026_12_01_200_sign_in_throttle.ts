import { sql, type Kysely } from 'kysely';

/**
 * Failed sign-ins, per account and per (account, client), shared by every process on the
 * database (server/services/sign-in.ts). A row says how many attempts failed, when the next may
 * be checked, and, for a client, when it last signed in. The key is a sha256 hash of the
 * lowercased email (and the client's IP address): no email or IP address is stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('account', 'client')`))
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('blocked_until', 'timestamptz', (c) => c.notNull())
    .addColumn('signed_in_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_throttle_pkey', ['scope', 'key_hash'])
    .execute();
  await db.schema.createIndex('sign_in_throttle_expires_at_idx').on('sign_in_throttle').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_throttle').execute();
}
