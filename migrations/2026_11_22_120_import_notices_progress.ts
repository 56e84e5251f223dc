import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One notice per person and list: written in the import's transaction (so a rolled-back import
  // owes no mail), sent afterwards in batches; the primary key makes a second notice impossible.
  // No foreign keys: an import writes 100k of these at once, and the sender joins profiles and
  // lists anyway, so a notice whose profile or list is gone is simply never sent.
  await db.schema
    .createTable('import_notices')
    .addColumn('profile_id', 'integer', (c) => c.notNull())
    .addColumn('list_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addPrimaryKeyConstraint('import_notices_pkey', ['profile_id', 'list_id'])
    .execute();
  await db.schema
    .createIndex('import_notices_unsent_idx')
    .on('import_notices')
    .column('created_at')
    .where(sql.ref('sent_at'), 'is', null)
    .execute();
  await addProgressColumns(db);
}

// Progress of a running import for the organizer's progress bar: the file is read as a stream,
// so bytes are what is known; `phase` says whether rows are still read or already merged.
async function addProgressColumns(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('imports')
    .addColumn('size_bytes', 'bigint')
    .addColumn('read_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('phase', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('size_bytes').dropColumn('read_bytes').dropColumn('phase').execute();
  await db.schema.dropTable('import_notices').execute();
}
