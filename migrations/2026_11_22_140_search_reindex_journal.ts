import { sql, type Kysely } from 'kysely';

/**
 * A journal of the profiles that changed while a reindex was building its fresh index. The sync
 * worker keeps writing changes into the live index during a rebuild; a change that lands after
 * the rebuild read that profile would be lost at the swap. The reindex replays the journal into
 * the outbox once its index is live.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per rebuild in progress; a crashed rebuild's row is cleared by the next one.
  await db.schema
    .createTable('search_reindexes')
    .addColumn('uid', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('search_reindex_changes')
    .addColumn('uid', 'text', (c) => c.notNull().references('search_reindexes.uid').onDelete('cascade'))
    .addColumn('profile_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_reindex_changes_pkey', ['uid', 'profile_id'])
    .execute();
  // Per statement, with the inserted rows as a table: a bulk import pays once, not per row, and
  // nothing at all while no rebuild is running (the join with an empty table is empty).
  await sql`
    create function search_reindex_journal() returns trigger language plpgsql as $$
    begin
      insert into search_reindex_changes (uid, profile_id)
        select r.uid, i.profile_id from search_reindexes r cross join (select distinct profile_id from inserted) i
        on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger search_reindex_journal after insert on search_outbox
    referencing new table as inserted
    for each statement execute function search_reindex_journal()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger search_reindex_journal on search_outbox`.execute(db);
  await sql`drop function search_reindex_journal()`.execute(db);
  await db.schema.dropTable('search_reindex_changes').execute();
  await db.schema.dropTable('search_reindexes').execute();
}
