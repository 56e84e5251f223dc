import { sql } from 'kysely';
import type { Executor } from '../db/client.js';

/** The Postgres channel on which every change to the searchable index is announced. */
export const INDEX_CHANGED_CHANNEL = 'search_index_changed';

/**
 * Tells every process that the index changed, so that they drop the answers they keep. Called in
 * the transaction that records the change (the worker's delete of its outbox rows, after
 * Meilisearch confirmed): Postgres delivers the notification when, and only if, it commits.
 */
export async function announceIndexChange(db: Executor): Promise<void> {
  await sql`select pg_notify(${INDEX_CHANGED_CHANNEL}, '')`.execute(db);
}
