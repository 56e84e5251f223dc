import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { MeilisearchRequestError } from 'meilisearch';
import { SyncWorker, SYNC_LOCK_CLASS, type SyncBatch } from '../../search/sync-worker.js';
import { ensureProfilesIndex } from '../../search/profiles-index.js';
import { createMeili, settled } from '../../search/client.js';
import { createLogger } from '../../server/logger.js';
import { freePort } from '../../server/embedded/processes.js';
import type { ProfileStatus } from '../../common/profile-codes.js';
import { createIndexPrefix, createTestDatabase, type TestDatabase } from '../helpers/stores.js';
import { updateProfile, writeProfile as write } from '../helpers/profiles.js';
import { until } from '../helpers/until.js';
import { enqueue } from '../../db/outbox.js';

describe('SyncWorker', () => {
  let t: TestDatabase;
  const index = createIndexPrefix();
  const uid = `${index.prefix}profiles`;
  let worker: SyncWorker;

  beforeAll(async () => {
    t = await createTestDatabase();
    await ensureProfilesIndex(index.meili, uid);
    worker = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: uid, log: createLogger('silent'), sweepMs: 60_000 });
    worker.start();
  });
  afterAll(async () => {
    await worker.stop();
    await Promise.all([t.drop(), index.drop()]);
  });

  const writeProfile = (slug: string, status: ProfileStatus, email: string) => write(t.db, { slug, status, email });

  it('indexes a published profile as soon as its transaction commits, without its email', async () => {
    const id = await writeProfile('pub-1', 'published', 'pub1@example.org');
    const doc = await until(() => index.meili.index(uid).getDocument(id).catch(() => undefined));
    expect(doc).toMatchObject({ id, slug: 'pub-1', skills: ['Rust'] });
    expect(JSON.stringify(doc)).not.toContain('example.org');
    await until(async () => ((await t.db.selectFrom('search_outbox').selectAll().execute()).length === 0 ? true : undefined));
  });

  it('keeps pending profiles out, and takes removed ones out', async () => {
    const pending = await writeProfile('pending-1', 'pending', 'p1@example.org');
    const published = await writeProfile('gone-1', 'published', 'g1@example.org');
    await until(() => index.meili.index(uid).getDocument(published).catch(() => undefined));
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('profiles').set({ status: 'removed' }).where('id', '=', published).execute();
      await enqueue(trx, published);
    });
    await until(async () => ((await index.meili.index(uid).getDocument(published).catch(() => null)) === null ? true : undefined));
    await expect(index.meili.index(uid).getDocument(pending)).rejects.toThrow();
  });

  /**
   * A pass of `failing` fails as `checkError` expects; the profile's row stays queued, alone, and its
   * profile out of the index; the real worker applies it later and empties the outbox.
   */
  async function keepsTheRow(failing: SyncWorker, slug: string, checkError: (err: unknown) => void) {
    await worker.stop();
    expect(await outbox()).toEqual([]);
    const id = await writeProfile(slug, 'published', `${slug}@example.org`);
    checkError(await failing.drainOnce().then(() => undefined, (err: unknown) => err));
    expect(await outbox()).toEqual([id]);
    await expect(index.meili.index(uid).getDocument(id)).rejects.toThrow(/not found/);
    worker.start();
    const doc = await until(() => index.meili.index(uid).getDocument(id).catch(() => undefined));
    expect(doc).toMatchObject({ id, slug });
    await until(async () => ((await outbox()).length === 0 ? true : undefined), 10_000, 'an empty outbox');
  }

  const outbox = async () => (await t.db.selectFrom('search_outbox').select('profile_id').orderBy('id').execute()).map((r) => r.profile_id);

  it('keeps the rows while Meilisearch is unreachable, and loses none', async () => {
    const downUrl = `http://127.0.0.1:${await freePort()}`;
    const down = createMeili(downUrl, inject('stores').meiliKey);
    await keepsTheRow(new SyncWorker({ db: t.db, databaseUrl: t.url, meili: down, indexUid: uid, log: createLogger('silent') }), 'wait-1', (err) => {
      // The request could not be made at all: nothing listens there.
      expect(err).toBeInstanceOf(MeilisearchRequestError);
      expect((err as Error).message).toBe(`Request to ${downUrl}/indexes/${uid}/documents has failed`);
      expect(((err as Error).cause as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    });
  });

  it('shares the outbox between two workers at once: each row taken by one, each profile indexed once', async () => {
    await worker.stop();
    expect(await outbox()).toEqual([]);
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) ids.push(await writeProfile(`many-${i}`, 'published', `m${i}@example.org`));
    const [lastTask] = (await index.meili.tasks.getTasks({ limit: 1 })).results;
    const a = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: uid, log: createLogger('silent'), batchSize: 10 });
    const b = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: uid, log: createLogger('silent'), batchSize: 10 });

    // Both hold a batch at the same time: this transaction holds the profiles' locks, which a
    // worker takes after claiming its rows, so A waits holding its claim while B claims.
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    let first: [SyncBatch, SyncBatch];
    try {
      await holder.query('begin');
      await holder.query('select pg_advisory_xact_lock($1, id) from unnest($2::int[]) as t(id)', [SYNC_LOCK_CLASS, ids]);
      const waiters = (n: number) => async () => {
        const { rows } = await holder.query(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`);
        await holder.query('select pg_stat_clear_snapshot()');
        return rows.length === n ? true : undefined;
      };
      const fromA = a.drainOnce();
      await until(waiters(1), 10_000, 'A holding its batch');
      const fromB = b.drainOnce();
      await until(waiters(2), 10_000, 'B holding its batch beside A\'s');
      await holder.query('commit');
      first = await Promise.all([fromA, fromB]);
    } finally {
      await holder.end();
    }
    expect(first.map((batch) => batch.rows)).toEqual([10, 10]);
    expect(first.map((batch) => batch.upserted)).toEqual([10, 10]);

    let cleared = 20;
    for (;;) {
      const [x, y] = await Promise.all([a.drainOnce(), b.drainOnce()]);
      cleared += x.rows + y.rows;
      if (x.rows === 0 && y.rows === 0) break;
    }
    expect(cleared).toBe(40);
    expect(await outbox()).toEqual([]);

    // Each profile went to Meilisearch in exactly one task, and the index holds each once.
    const tasks = await index.meili.tasks.getTasks({ indexUids: [uid], types: ['documentAdditionOrUpdate'], limit: 100 });
    const sent = tasks.results.filter((task) => task.uid > lastTask!.uid);
    expect(sent.filter((task) => task.status !== 'succeeded')).toEqual([]);
    expect(sent.reduce((sum, task) => sum + Number(task.details?.receivedDocuments), 0)).toBe(40);
    const { results: docs } = await index.meili.index(uid).getDocuments({ fields: ['id', 'slug'], limit: 1000 });
    const many = docs.filter((doc) => String(doc.slug).startsWith('many-')).map((doc) => doc.id as number);
    expect(many.sort((x, y) => x - y)).toEqual(ids);
    worker.start();
  });

  it('keeps the rows of a task that Meilisearch failed, and applies them once it can', async () => {
    // An index whose primary key the documents lack: every addDocuments task fails.
    const broken = `${index.prefix}broken`;
    await settled(index.meili.createIndex(broken, { primaryKey: 'no_such_field' }));
    const failing = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: broken, log: createLogger('silent') });
    await keepsTheRow(failing, 'failed-task-1', (err) =>
      expect((err as Error).message).toMatch(/^Meilisearch task \d+ \(documentAdditionOrUpdate\) failed: missing_document_id: /));
  });

  it('applies the later state last when two workers hold rows of one profile', async () => {
    await worker.stop();
    const id = await writeProfile('race-1', 'published', 'r1@example.org');
    await updateProfile(t.db, id, { name: 'Latest Name' });
    // "Worker A": holds the profile's lock, as a worker does from reading the profile until its
    // Meilisearch task succeeded; its (older) state reaches Meilisearch while B waits.
    const a = new pg.Client({ connectionString: t.url });
    await a.connect();
    try {
      await a.query('begin');
      await a.query('select pg_advisory_xact_lock($1, $2)', [SYNC_LOCK_CLASS, id]);
      const b = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: uid, log: createLogger('silent') });
      const drained = b.drainOnce();
      await until(async () => {
        const { rows } = await a.query(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`);
        return rows.length > 0 ? true : undefined;
      });
      await settled(index.meili.index(uid).addDocuments([{ id, slug: 'race-1', name: 'Older Name', updated_at: 0 }]));
      await a.query('commit');
      expect((await drained).upserted).toBe(1);
    } finally {
      await a.end();
    }
    const doc = await index.meili.index(uid).getDocument(id);
    expect(doc.name).toBe('Latest Name');
    worker.start();
  });
});
