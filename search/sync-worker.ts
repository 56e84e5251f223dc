import { sql } from 'kysely';
import type { Index, Meilisearch } from 'meilisearch';
import type { Log } from '../server/logger.js';
import type { Db, Executor } from '../db/client.js';
import { PgListener } from '../db/listener.js';
import { settled } from './client.js';
import { announceIndexChange } from './index-changes.js';
import { DocumentSender, documentLines, MAX_PAYLOAD_BYTES, profileDocuments } from './documents.js';
import { ensureProfilesIndex } from './profiles-index.js';

interface SyncWorkerOptions {
  db: Db;
  databaseUrl: string;
  meili: Meilisearch;
  indexUid: string;
  log: Log;
  batchSize?: number;
  /** Batches sent to Meilisearch and not yet confirmed, at most. */
  inFlight?: number;
  /** The safety net: drain this often even when no notification arrived. */
  sweepMs?: number;
  /** The largest request body sent to Meilisearch (a batch goes in several when bigger). */
  maxPayloadBytes?: number;
}

export interface SyncBatch {
  rows: number;
  upserted: number;
  deleted: number;
  ms: number;
}

/** A batch whose documents Meilisearch has queued. */
interface SentBatch {
  lastId: number;
  /** Settles when its Meilisearch tasks did. */
  finished: Promise<void>;
  /** Resolves once its tasks succeeded and its rows are deleted. */
  confirmed: Promise<SyncBatch>;
}

const MAX_BACKOFF_MS = 30_000;

/** Outbox rows read, and their documents sent, at a time (see the constructor). */
export const SYNC_BATCH_ROWS = 20_000;

/**
 * The session-level advisory lock that makes one worker, across all processes, the one that
 * drains ("LLSY", 0): the others wait for it on their listener connection.
 */
export const SYNC_LEADER_LOCK = [0x4c4c5359, 0] as const;

/**
 * Drains `search_outbox` into Meilisearch. A row is deleted only after Meilisearch confirmed the
 * tasks that carried its profile, so a crash, a failed task or a Meilisearch outage leaves it for
 * the next pass, which starts again from the first row left.
 *
 * One writer: only the worker holding SYNC_LEADER_LOCK drains. Every process runs a worker; when
 * the leader's connection goes, another takes the lock on its next wake-up or sweep.
 *
 * Order: Meilisearch applies tasks in the order it received them, and each batch reads its
 * profiles' current state. So the leader reads and sends its batches one after another (each
 * read after Meilisearch received the previous batch), while up to `inFlight` of them wait for
 * Meilisearch at once: a later state is always sent after an earlier one, never overwritten by
 * it. Holding no transaction while Meilisearch works, the worker keeps no connection from the
 * pool that the API shares.
 */
export class SyncWorker {
  private running = false;
  private wakeUp: (() => void) | undefined;
  /** Set by a notification that came while no one was sleeping, so it is not lost. */
  private pending = false;
  private readonly listener: PgListener;
  private loop: Promise<void> | undefined;
  private backoffMs = 0;
  /** False until the index exists with current settings; reset by any failure (Meilisearch may have lost it). */
  private indexReady = false;
  private readonly batchSize: number;
  private readonly inFlight: number;
  private readonly sweepMs: number;
  /** Called after each batch that cleared rows: the metrics hook. */
  onBatch: ((batch: SyncBatch) => void) | undefined;
  /** Called when a pass failed (Meilisearch down, a failed task); the rows stay for a retry. */
  onFailure: ((err: unknown) => void) | undefined;

  constructor(private readonly options: SyncWorkerOptions) {
    // Meilisearch indexes the additions queued when it starts a batch as one, and each batch it
    // makes costs ~1.2 s more than its documents at 100k (measured in `GET /batches`): the fewer,
    // the sooner searchable. It starts on the first task at once; what is queued while that one
    // runs becomes the next batch. With 5,000 rows per batch, 90k re-synced rows went through as
    // 5k + 30–45k + 40–55k, as reading the rest took longer than indexing the first; with 20,000,
    // as 20k + 70k, like Meilisearch alone given everything at once (5k + 85k).
    this.batchSize = options.batchSize ?? SYNC_BATCH_ROWS;
    // Meilisearch batches what is queued: the deeper its queue, the fewer batches. Sending batch
    // after batch while earlier ones wait costs nothing here: no document is kept once sent.
    this.inFlight = options.inFlight ?? 20;
    this.sweepMs = options.sweepMs ?? 5_000;
    this.listener = new PgListener(options.databaseUrl, 'search_outbox', { onNotify: () => this.wake() });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.listener.close();
  }

  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  /** Sends and confirms the first batch of the outbox; returns how many rows it cleared. */
  async drainOnce(): Promise<SyncBatch> {
    const sent = await this.send(0);
    return sent ? sent.confirmed : { rows: 0, upserted: 0, deleted: 0, ms: 0 };
  }

  /**
   * Reads the next batch of outbox rows after row `after`, reads their profiles and sends them;
   * resolves once Meilisearch has queued them (undefined when no row was left), with the batch's
   * last row, when its tasks finished, and the promise of its confirmation: its rows are deleted
   * once its tasks succeeded.
   */
  private async send(after: number, previous?: Promise<unknown>): Promise<SentBatch | undefined> {
    const { db, meili, indexUid } = this.options;
    const started = performance.now();
    const rows = await db
      .selectFrom('search_outbox')
      .select(['id', 'profile_id'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(this.batchSize)
      .execute();
    if (rows.length === 0) return undefined;
    const ids = [...new Set(rows.map((r) => r.profile_id))];
    const tasks = await sendProfiles(db, meili.index(indexUid), ids, this.options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES);
    const finished = (async () => {
      // Meilisearch finishes tasks in the order it queued them: asking about this batch's only once
      // the previous batch's finished keeps one poll running, not one per batch in flight. A failed
      // batch fails those after it at once, and stopping fails them all: their rows stay queued.
      if (previous) {
        await previous;
        if (!this.running) throw new Error('the search sync is stopping');
      }
      for (const task of tasks.enqueued) await settled(task);
    })();
    const confirmed = finished.then(async () => {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('search_outbox').where('id', '=', anyOf(rows.map((r) => r.id), 'bigint')).execute();
        await announceIndexChange(trx);
      });
      return { rows: rows.length, upserted: tasks.upserted, deleted: tasks.deleted, ms: performance.now() - started };
    });
    return { lastId: rows.at(-1)!.id, finished, confirmed };
  }

  private async run(): Promise<void> {
    const { log } = this.options;
    while (this.running) {
      try {
        await this.listener.connect();
        if (!this.indexReady) {
          await ensureProfilesIndex(this.options.meili, this.options.indexUid);
          // New settings (synonyms, ranking) change answers too; this runs once a start or an outage.
          await announceIndexChange(this.options.db);
          this.indexReady = true;
        }
        this.pending = false;
        // Not the leader: another process drains; this one tries again when woken.
        const rows = (await this.listener.tryLock(...SYNC_LEADER_LOCK)) ? await this.drainAll() : 0;
        if (rows > 0 && this.backoffMs > 0) log.info('search sync is catching up again');
        this.backoffMs = 0;
        await this.sleep(this.sweepMs, true);
      } catch (err) {
        if (!this.running) break;
        this.onFailure?.(err);
        this.indexReady = false;
        this.backoffMs = Math.min(Math.max(this.backoffMs * 2, 500), MAX_BACKOFF_MS);
        log.warn({ err, retryInMs: this.backoffMs }, 'search sync failed; the outbox keeps the rows');
        await this.sleep(this.backoffMs, false);
      }
    }
  }

  /**
   * Drains until the outbox is empty, sending batch after batch while at most `inFlight` wait for
   * Meilisearch; stops sending as soon as one fails or leadership is lost, and returns (or throws)
   * once every batch sent has settled. Returns the rows cleared.
   */
  private async drainAll(): Promise<number> {
    let cleared = 0;
    let failure: { reason: unknown } | undefined;
    const waiting = new Set<Promise<void>>();
    // A row committed late, with an id below `after`, is found by the next pass: its insert's
    // notification wakes the worker again.
    let after = 0;
    let last: Promise<void> | undefined;
    try {
      while (this.running && !failure && (await this.stillLeading())) {
        if (waiting.size >= this.inFlight) {
          await Promise.race(waiting);
          continue;
        }
        const sent = await this.send(after, last);
        if (!sent) break;
        after = sent.lastId;
        last = sent.finished;
        const settling: Promise<void> = sent.confirmed
          .then(
            (batch) => {
              cleared += batch.rows;
              try {
                this.onBatch?.(batch);
              } catch {
                // A metrics hook must not fail the sync.
              }
            },
            (reason: unknown) => void (failure ??= { reason }),
          )
          .finally(() => waiting.delete(settling));
        waiting.add(settling);
      }
    } finally {
      await Promise.all(waiting);
    }
    if (failure) throw failure.reason;
    return cleared;
  }

  /**
   * Whether this worker still leads as Postgres sees it, asked before each batch: Postgres may
   * have ended the listener's session (and so released the lock to another process) before this
   * process heard of it, and two leaders sending at once could queue an older state last.
   */
  private async stillLeading(): Promise<boolean> {
    const pid = this.listener.holder(...SYNC_LEADER_LOCK);
    if (pid === undefined) return false;
    const { rows } = await sql<{ held: boolean }>`select exists (${leaderLock()} and pid = ${pid}) as held`.execute(this.options.db);
    return rows[0]?.held === true;
  }

  /** Waits `ms`; `stop()` always cuts it short, a notification only when `byNotification`. */
  private sleep(ms: number, byNotification: boolean): Promise<void> {
    if (!this.running || (byNotification && this.pending)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        if (byNotification || !this.running) done();
      };
    });
  }
}

/** Profiles whose documents are read at once: one batch's in pages, so that it is never all in memory. */
const READ_PAGE = 5_000;

/**
 * Reads the profiles and sends Meilisearch their documents (or their removal); returns the queued
 * tasks. The documents of the whole batch go in as few payloads as fit, the first as soon as full.
 */
async function sendProfiles(db: Executor, index: Index, ids: number[], maxPayloadBytes: number) {
  const sender = new DocumentSender(index, maxPayloadBytes);
  const published = new Set<number>();
  for (let i = 0; i < ids.length; i += READ_PAGE) {
    const page = await documentLines(db, profileDocuments(db).where('p.id', '=', anyOf(ids.slice(i, i + READ_PAGE)))).execute();
    for (const { id, line } of page) {
      published.add(id);
      await sender.add(line);
    }
  }
  await sender.flush();
  const gone = ids.filter((id) => !published.has(id));
  const enqueued = sender.enqueued;
  // One request after the other: each is queued by Meilisearch once it was answered.
  if (gone.length > 0) {
    const deleting = index.deleteDocuments(gone);
    await deleting;
    enqueued.push(deleting);
  }
  return { enqueued, upserted: published.size, deleted: gone.length };
}

/** `= any(array)`: one parameter for thousands of ids, where `in` takes one each. */
const anyOf = (ids: number[], type: 'int' | 'bigint' = 'int') => sql<number>`any(${ids}::${sql.raw(type)}[])`;

/** The leader's lock in pg_locks, in this database (advisory locks are per database). */
const leaderLock = () => sql`
  select 1 from pg_locks
  where locktype = 'advisory' and granted
    and database = (select oid from pg_database where datname = current_database())
    and classid::bigint = ${SYNC_LEADER_LOCK[0]} and objid::bigint = ${SYNC_LEADER_LOCK[1]} and objsubid = 2`;

/**
 * Whether search is catching up: rows queued in the last 2 minutes wait in the outbox and a sync
 * worker (in any process) is there to drain them. Bulk work that can wait (import notices) waits
 * for this to turn false; rows that have waited longer (Meilisearch down, a document it refuses)
 * hold nothing back.
 */
export async function searchCatchingUp(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ busy: boolean }>`
    select exists (select 1 from search_outbox where enqueued_at > now() - interval '2 minutes')
       and exists (${leaderLock()}) as busy`.execute(db);
  return rows[0]?.busy === true;
}
