import { sql } from 'kysely';
import type { EnqueuedTaskPromise, Meilisearch } from 'meilisearch';
import type { Db } from '../db/client.js';
import { settled } from './client.js';
import { announceIndexChange } from './index-changes.js';
import { DocumentSender, documentLines, profileDocuments } from './documents.js';
import { applySettings, createIndexIfMissing } from './profiles-index.js';

interface ReindexOptions {
  db: Db;
  meili: Meilisearch;
  /** The uid searches and the sync worker use (`profiles`, with the deployment's prefix). */
  liveUid: string;
  batchSize?: number;
  /** Called after each batch is read and handed to Meilisearch; awaited, so a test can act mid-rebuild. */
  onProgress?: (progress: ReindexProgress) => void | Promise<void>;
}

interface ReindexProgress {
  /** Documents handed to Meilisearch so far. */
  sent: number;
  /** Published profiles when the rebuild began (an estimate: writes go on meanwhile). */
  total: number;
}

interface ReindexResult {
  /** The uid the fresh index was built under (deleted after the swap, with the old documents in it). */
  builtAs: string;
  documents: number;
  /** Profiles that changed during the rebuild, queued again for the sync worker after the swap. */
  requeued: number;
  ms: number;
}

/** Another rebuild holds the lock: two at once would each swap and delete the other's work. */
export class ReindexBusyError extends Error {}

/** The advisory lock that lets one rebuild run at a time per database ("LLRX"). */
const REINDEX_LOCK = [0x4c4c5258, 0] as const;
/** Tasks enqueued before the oldest is awaited: Meilisearch batches them; memory stays bounded. */
const MAX_TASKS_IN_FLIGHT = 4;

/**
 * Rebuilds the profiles index from Postgres without downtime: builds `<live>_<stamp>` (settings
 * first, then documents in keyset batches), swaps it with the live index in one Meilisearch task,
 * and deletes the old documents. Searches read the live uid throughout.
 *
 * The sync worker keeps applying writes to the live index meanwhile. A change that comes after
 * the rebuild read that profile is journaled by a trigger (migration 140) and queued again once
 * the fresh index is live, so the worker applies it there: nothing written during a rebuild is lost.
 */
export async function reindex(options: ReindexOptions): Promise<ReindexResult> {
  const { db, meili, liveUid } = options;
  const started = performance.now();
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_lock(${REINDEX_LOCK[0]}, ${REINDEX_LOCK[1]}) as locked`.execute(conn);
    if (!rows[0]?.locked) throw new ReindexBusyError('Another reindex is running on this database; wait for it to finish.');
    try {
      await dropAbandoned(db, meili);
      const uid = `${liveUid}_${stamp()}`;
      // Journal first: from here on, every outbox row is also recorded for this rebuild, and
      // every change committed before it is visible to the reads below.
      await db.insertInto('search_reindexes').values({ uid }).execute();
      let documents = 0;
      let requeued = 0;
      try {
        documents = await build(options, uid);
        // Searches need a live index to swap with; an empty one is the same to them as none.
        await createIndexIfMissing(meili, liveUid);
        await settled(meili.swapIndexes([{ indexes: [liveUid, uid], rename: false }]));
        await announceIndexChange(db);
      } finally {
        // After the swap `uid` holds the old documents; after a failure, the partial build.
        await settled(meili.deleteIndex(uid)).catch(() => undefined);
        requeued = await closeJournal(db, uid);
      }
      return { builtAs: uid, documents, requeued, ms: performance.now() - started };
    } finally {
      await sql`select pg_advisory_unlock(${REINDEX_LOCK[0]}, ${REINDEX_LOCK[1]})`.execute(conn);
    }
  });
}

async function build(options: ReindexOptions, uid: string): Promise<number> {
  const { db, meili, batchSize = 2_000, onProgress } = options;
  await settled(meili.createIndex(uid, { primaryKey: 'id' }));
  // Settings before documents: changing them afterwards would index everything twice.
  await applySettings(meili, uid);
  const { total } = await db
    .selectFrom('profiles')
    .where('status', '=', 'published')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const index = meili.index(uid);
  const inFlight: EnqueuedTaskPromise[] = [];
  let sent = 0;
  let after = 0;
  for (;;) {
    const batch = await documentLines(db, profileDocuments(db).where('p.id', '>', after).orderBy('p.id').limit(batchSize)).execute();
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    const sender = new DocumentSender(index);
    for (const { line } of batch) await sender.add(line);
    await sender.flush();
    inFlight.push(...sender.enqueued);
    while (inFlight.length >= MAX_TASKS_IN_FLIGHT) await settled(inFlight.shift()!);
    sent += batch.length;
    await onProgress?.({ sent, total: Number(total) });
  }
  for (const task of inFlight) await settled(task);
  return sent;
}

/**
 * Puts the profiles journaled during a rebuild back in the outbox and ends its journal, in one
 * transaction. Needed once the fresh index is live; harmless (a resync) when it never got there.
 */
async function closeJournal(db: Db, uid: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ profile_id: number }>`
      insert into search_outbox (profile_id)
      select profile_id from search_reindex_changes where uid = ${uid} order by profile_id
      returning profile_id`.execute(trx);
    await trx.deleteFrom('search_reindexes').where('uid', '=', uid).execute();
    return rows.length;
  });
}

/**
 * Rebuilds left by a run that crashed: their half-built indexes go, and their journals are
 * replayed (the crash may have come between the swap and the replay).
 */
async function dropAbandoned(db: Db, meili: Meilisearch): Promise<void> {
  const abandoned = await db.selectFrom('search_reindexes').select('uid').execute();
  for (const { uid } of abandoned) {
    await settled(meili.deleteIndex(uid)).catch(() => undefined);
    await closeJournal(db, uid);
  }
}

/** `20261122t031500123z`: sortable, and only characters an index uid may hold. */
function stamp(): string {
  return new Date().toISOString().replace(/[-:.]/g, '').toLowerCase();
}
