import { sql } from 'kysely';
import type { Meilisearch } from 'meilisearch';
import type { Log } from '../server/logger.js';
import type { Db } from '../db/client.js';
import { PgListener } from '../db/listener.js';
import { settled } from './client.js';
import { announceIndexChange } from './index-changes.js';
import { indexableProfiles } from './indexable.js';
import { ensureProfilesIndex, toDocument } from './profiles-index.js';

interface SyncWorkerOptions {
  db: Db;
  databaseUrl: string;
  meili: Meilisearch;
  indexUid: string;
  log: Log;
  batchSize?: number;
  /** Batches in flight at once: while Meilisearch indexes one, the next is read from Postgres. */
  lanes?: number;
  /** The safety net: drain this often even when no notification arrived. */
  sweepMs?: number;
}

export interface SyncBatch {
  rows: number;
  upserted: number;
  deleted: number;
  ms: number;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * The first key of the per-profile advisory locks (ASCII "LLSY"), so they cannot collide with
 * advisory locks taken elsewhere with one key or another class.
 */
export const SYNC_LOCK_CLASS = 0x4c4c5359;

/**
 * Drains `search_outbox` into Meilisearch. Rows are claimed with FOR UPDATE SKIP LOCKED, so any
 * number of workers can share a database without taking the same row; a row is deleted only
 * after Meilisearch confirmed its task, in the same transaction that claimed it, so a crash, a
 * failed task or a Meilisearch outage leaves it for the next try.
 *
 * Two rows of one profile can still be claimed by two workers at once (an edit right after
 * another). Each worker then holds a transaction-level advisory lock on the profile from before
 * it reads the profile until its Meilisearch task succeeded, so the later worker reads the later
 * state and its task is enqueued after the earlier one: an older state never overwrites a newer.
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
  private readonly lanes: number;
  private readonly sweepMs: number;
  /** Called after each batch that cleared rows: the metrics hook. */
  onBatch: ((batch: SyncBatch) => void) | undefined;
  /** Called when a pass failed (Meilisearch down, a failed task); the rows stay for a retry. */
  onFailure: ((err: unknown) => void) | undefined;

  constructor(private readonly options: SyncWorkerOptions) {
    // Each batch waits for its Meilisearch task, so per-batch overhead bounds throughput. Measured
    // with `npm run bench -- --profiles 100000 --only import` on a shared 2-core machine: 100k
    // imported rows searchable in 43 s at 5,000 against 90 s at 1,000, for ~30 MB more peak
    // server memory; 10,000 was not faster (55 s) and peaked 55 MB higher still.
    this.batchSize = options.batchSize ?? 5_000;
    // Measured on the shared 2-core machine: `npm run bench -- --profiles 30000 --only import` had
    // import done → searchable at 0.89× Meilisearch alone indexing the same rows with 3 lanes, 1.03×
    // with 1; draining 30k outbox rows, 1 and 3 lanes alternately, took 27.5/15.6/16.0 s against
    // 18.9/14.8/12.6 s. Four lanes of 2,500 were no faster than three of 5,000.
    this.lanes = options.lanes ?? 3;
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

  /** Claims and syncs one batch; returns how many outbox rows it cleared. */
  async drainOnce(): Promise<SyncBatch> {
    const { db, meili, indexUid } = this.options;
    const started = performance.now();
    return db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('search_outbox')
        .select(['id', 'profile_id'])
        .orderBy('id')
        .limit(this.batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return { rows: 0, upserted: 0, deleted: 0, ms: 0 };
      const ids = [...new Set(rows.map((r) => r.profile_id))].sort((a, b) => a - b);
      // Ascending order, so two workers locking overlapping profiles cannot deadlock; unnest
      // yields the array in order.
      await sql`select pg_advisory_xact_lock(${SYNC_LOCK_CLASS}, id) from unnest(${ids}::int[]) as t(id)`.execute(trx);
      const published = await indexableProfiles(trx).where('p.id', 'in', ids).execute();
      const publishedIds = new Set(published.map((p) => p.id));
      const gone = ids.filter((id) => !publishedIds.has(id));
      const index = meili.index(indexUid);
      if (published.length > 0) await settled(index.addDocuments(published.map(toDocument)));
      if (gone.length > 0) await settled(index.deleteDocuments(gone));
      await trx.deleteFrom('search_outbox').where('id', 'in', rows.map((r) => r.id)).execute();
      await announceIndexChange(trx);
      return { rows: rows.length, upserted: published.length, deleted: gone.length, ms: performance.now() - started };
    });
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
        const rows = await this.drainAll();
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
   * Drains until the outbox is empty with `lanes` batches in flight, each in its own transaction:
   * while Meilisearch indexes one batch, the next ones are claimed, read and sent, so that it
   * never waits for Postgres (it queues them and indexes consecutive additions together). Each
   * batch still deletes its rows only once its own task succeeded. Returns the rows cleared.
   */
  private async drainAll(): Promise<number> {
    let cleared = 0;
    const lane = async () => {
      while (this.running) {
        const batch = await this.drainOnce();
        if (batch.rows === 0) return;
        cleared += batch.rows;
        this.onBatch?.(batch);
      }
    };
    const outcomes = await Promise.allSettled(Array.from({ length: this.lanes }, lane));
    const failure = outcomes.find((o) => o.status === 'rejected');
    if (failure) throw failure.reason;
    return cleared;
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
