import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import type { Executor } from '../db/client.js';
import { enqueue } from '../db/outbox.js';
import { epochSecondsOf } from './documents.js';
import type { ProfileDocument } from './profiles-index.js';

interface DriftOptions {
  db: Executor;
  meili: Meilisearch;
  uid: string;
  batchSize?: number;
}

/** How the index differs from Postgres's published profiles, by profile id (ascending). */
export interface Drift {
  /** Published in Postgres, absent from the index. */
  missing: number[];
  /** In the index, but not a published profile (hidden, removed, deleted). */
  extra: number[];
  /** In both, but the index holds an older (or newer) `updated_at`. */
  stale: number[];
  /** Published profiles in Postgres and documents in the index, as counted by the scan. */
  published: number;
  documents: number;
}

type Stamps = Map<number, number>;
type Fields = Pick<ProfileDocument, 'id' | 'updated_at'>;

/**
 * Compares ids and `updated_at` of Postgres's published profiles with the index. Both stores
 * are read in pages while writes go on, so every difference found is read again from both
 * before it is reported: what remains is drift, not a write caught between the two reads.
 */
export async function checkDrift(options: DriftOptions): Promise<Drift> {
  const { db, batchSize = 5_000 } = options;
  const indexed = await indexStamps(options);
  const documents = indexed.size;
  const suspects: number[] = [];
  let published = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('profiles')
      .select((eb) => ['id', epochSecondsOf(eb.ref('updated_at')).as('updated_at')])
      .where('status', '=', 'published')
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    published += rows.length;
    for (const row of rows) {
      if (indexed.get(row.id) !== row.updated_at) suspects.push(row.id);
      indexed.delete(row.id);
    }
  }
  suspects.push(...indexed.keys());
  return { ...(await classify(options, suspects)), published, documents };
}

export function driftCount(drift: Drift): number {
  return drift.missing.length + drift.extra.length + drift.stale.length;
}

/**
 * Queues every drifting profile for the sync worker, which brings each to its state in
 * Postgres: upserts the published ones and deletes the rest (the extra ones).
 */
export async function queueDrift(db: Executor, drift: Drift): Promise<number> {
  const ids = [...drift.missing, ...drift.extra, ...drift.stale];
  await enqueue(db, ids);
  return ids.length;
}

/** Reads `ids` again from both stores and sorts out which of them really differ, and how. */
async function classify(options: DriftOptions, ids: number[]): Promise<Pick<Drift, 'missing' | 'extra' | 'stale'>> {
  const drift: Pick<Drift, 'missing' | 'extra' | 'stale'> = { missing: [], extra: [], stale: [] };
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += 1_000) {
    const chunk = sorted.slice(i, i + 1_000);
    const [rows, indexed] = await Promise.all([
      options.db
        .selectFrom('profiles')
        .select((eb) => ['id', epochSecondsOf(eb.ref('updated_at')).as('updated_at')])
        .where('status', '=', 'published')
        .where('id', 'in', chunk)
        .execute(),
      indexStamps(options, chunk),
    ]);
    const truth = new Map(rows.map((r) => [r.id, r.updated_at]));
    for (const id of chunk) {
      const want = truth.get(id);
      const have = indexed.get(id);
      if (want === undefined && have !== undefined) drift.extra.push(id);
      else if (want !== undefined && have === undefined) drift.missing.push(id);
      else if (want !== have) drift.stale.push(id);
    }
  }
  return drift;
}

/** `id → updated_at` of the documents in the index (all, or those of `ids`); none if it does not exist. */
async function indexStamps({ meili, uid, batchSize = 5_000 }: DriftOptions, ids?: number[]): Promise<Stamps> {
  const stamps: Stamps = new Map();
  const index = meili.index<Fields>(uid);
  const limit = ids ? ids.length : batchSize;
  for (let offset = 0; ; offset += limit) {
    let page: Fields[];
    try {
      ({ results: page } = await index.getDocuments({ fields: ['id', 'updated_at'], limit, offset, ...(ids ? { ids } : {}) }));
    } catch (err) {
      if (err instanceof MeilisearchApiError && err.cause?.code === 'index_not_found') return stamps;
      throw err;
    }
    for (const doc of page) stamps.set(doc.id, doc.updated_at);
    if (ids || page.length < limit) return stamps;
  }
}
