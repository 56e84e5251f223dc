import { sql } from 'kysely';
import type { Executor } from './client.js';

/**
 * Queues profiles for the sync worker. Call it in the transaction that changes them: the change
 * and its outbox row commit together, so search can never miss a write (set-based writes, such as
 * an import's merge, insert their rows in the same statement instead).
 */
export async function enqueue(db: Executor, profileIds: number | number[]): Promise<void> {
  const ids = Array.isArray(profileIds) ? profileIds : [profileIds];
  if (ids.length === 0) return;
  // One array parameter, in order: any number of ids (a VALUES row each stops at 65,535 parameters).
  await sql`insert into search_outbox (profile_id) select unnest(${ids}::int[])`.execute(db);
}

interface OutboxStatus {
  /** Rows waiting for the sync worker. */
  depth: number;
  /** Seconds the oldest waiting row has waited; 0 when none waits. */
  oldestAgeSeconds: number;
}

/**
 * How far behind search is. Cheap enough for every metrics scrape: the oldest row comes from the
 * primary key (ids grow with time); the count scans a table that the worker keeps small.
 */
export async function outboxStatus(db: Executor): Promise<OutboxStatus> {
  const { rows } = await sql<{ depth: number; age: number | null }>`
    select (select count(*) from search_outbox)::int as depth,
           extract(epoch from now() - (select enqueued_at from search_outbox order by id limit 1))::float8 as age`.execute(db);
  const row = rows[0];
  return { depth: row?.depth ?? 0, oldestAgeSeconds: Math.max(0, row?.age ?? 0) };
}
