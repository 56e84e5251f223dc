import { sql, type Kysely } from 'kysely';

/**
 * A list may follow a sheet by its URL (DESIGN.md, "Living lists"): one source per list, with
 * what the conditional GET needs (ETag, Last-Modified, the hash of the last content imported),
 * its cadence, and its failures: three in a row pause it until its organizer resumes it.
 * Imports say where they came from (an upload, the CLI or a sync) and how many people left the
 * list because the sheet no longer names them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('list_sources')
    .addColumn('list_id', 'integer', (c) => c.primaryKey().references('layoff_lists.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('fetch_url', 'text', (c) => c.notNull())
    .addColumn('every', 'text', (c) => c.notNull().check(sql`every in ('hourly', 'daily', 'off')`))
    .addColumn('mapping', 'jsonb')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('attested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('last_run_at', 'timestamptz')
    .addColumn('last_import_id', 'integer', (c) => c.references('imports.id').onDelete('set null'))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('paused', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('list_sources_due')
    .on('list_sources')
    .column('last_run_at')
    .where(sql<boolean>`every <> 'off' and not paused`)
    .execute();
  await db.schema
    .alterTable('imports')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('upload').check(sql`source in ('upload', 'sync')`))
    .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('source').dropColumn('removed').execute();
  await db.schema.dropTable('list_sources').execute();
}
