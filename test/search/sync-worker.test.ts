import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { MeilisearchRequestError, type ContentType } from 'meilisearch';
import { SyncWorker, type SyncBatch } from '../../search/sync-worker.js';
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

  it('drains from one process at a time: a second worker leaves the rows to the leader, and takes over when it stops', async () => {
    // `worker` leads (it started first and holds the lock); `follower` runs beside it, as the
    // worker of a second API process does.
    const follower = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: uid, log: createLogger('silent'), sweepMs: 200 });
    const byFollower: SyncBatch[] = [];
    follower.onBatch = (batch) => byFollower.push(batch);
    follower.start();
    try {
      const ids: number[] = [];
      for (let i = 0; i < 20; i++) ids.push(await writeProfile(`led-${i}`, 'published', `led${i}@example.org`));
      await until(async () => ((await outbox()).length === 0 ? true : undefined), 10_000, 'an empty outbox');
      // The follower was woken by each commit and by its sweeps, and claimed nothing.
      expect(byFollower).toEqual([]);
      const docs = await Promise.all(ids.map((id) => index.meili.index(uid).getDocument(id)));
      expect(docs.map((doc) => doc.id)).toEqual(ids);

      await worker.stop();
      const id = await writeProfile('led-after', 'published', 'led-after@example.org');
      await until(async () => (byFollower.length > 0 ? true : undefined), 10_000, 'the follower syncing it');
      expect(byFollower).toMatchObject([{ rows: 1, upserted: 1 }]);
      expect(await index.meili.index(uid).getDocument(id)).toMatchObject({ id, slug: 'led-after' });
    } finally {
      await follower.stop();
      worker.start();
    }
  });

  it('applies each profile\'s last state: batches sent one after another, many in flight', async () => {
    await worker.stop();
    const one = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: uid, log: createLogger('silent'), batchSize: 1, inFlight: 8 });
    const id = await writeProfile('order-1', 'published', 'o1@example.org');
    one.start();
    try {
      // Each commit queues its own row; with batches of one row, each is read and sent on its
      // own while earlier ones are still in flight.
      for (let i = 1; i <= 30; i++) await updateProfile(t.db, id, { name: `Name ${i}` });
      await until(async () => ((await outbox()).length === 0 ? true : undefined), 20_000, 'an empty outbox');
      expect((await index.meili.index(uid).getDocument(id)).name).toBe('Name 30');
    } finally {
      await one.stop();
      worker.start();
    }
  });

  it('sends a batch too big for one request in several, and deletes its rows once all of them succeeded', async () => {
    await worker.stop();
    const ids: number[] = [];
    for (let i = 1; i <= 12; i++) ids.push(await writeProfile(`payload-${i}`, 'published', `payload-${i}@example.org`));
    // ~300 bytes a document: one batch of 12 rows goes as several requests of at most 1 KB.
    const small = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: uid, log: createLogger('silent'), maxPayloadBytes: 1_000 });
    const batches: SyncBatch[] = [];
    small.onBatch = (batch) => batches.push(batch);
    const since = new Date().toISOString();
    small.start();
    try {
      await until(async () => ((await outbox()).length === 0 ? true : undefined), 20_000, 'an empty outbox');
      expect(batches).toMatchObject([{ rows: 12, upserted: 12, deleted: 0 }]);
      const { results } = await index.meili.index(uid).getDocuments({ ids, fields: ['id'], limit: 20 });
      expect(results.map((d) => d.id).sort((a, b) => a - b)).toEqual(ids);
      const tasks = await index.meili.tasks.getTasks({ indexUids: [uid], types: ['documentAdditionOrUpdate'], afterEnqueuedAt: since });
      expect(tasks.results.length).toBeGreaterThanOrEqual(3);
      expect(tasks.results.every((task) => task.status === 'succeeded')).toBe(true);
    } finally {
      await small.stop();
      worker.start();
    }
  });

  it('keeps every row of a batch when one of its payloads failed, though an earlier one succeeded', async () => {
    await worker.stop();
    const ids: number[] = [];
    for (let i = 1; i <= 6; i++) ids.push(await writeProfile(`half-${i}`, 'published', `half-${i}@example.org`));
    // Meilisearch itself fails the second payload's task: it carries a document whose id it refuses.
    let payloads = 0;
    const meili = new Proxy(index.meili, {
      get: (target, key, receiver) => key !== 'index' ? Reflect.get(target, key, receiver) : (indexUid: string) => {
        const real = target.index(indexUid);
        return new Proxy(real, {
          get: (idx, k, r) => k !== 'addDocumentsFromString' ? Reflect.get(idx, k, r) : (payload: string, type: ContentType) =>
            idx.addDocumentsFromString(++payloads === 2 ? '{"id":"bad id!"}' : payload, type),
        });
      },
    });
    const failing = new SyncWorker({ db: t.db, databaseUrl: t.url, meili, indexUid: uid, log: createLogger('silent'), maxPayloadBytes: 700 });
    const batches: SyncBatch[] = [];
    failing.onBatch = (batch) => batches.push(batch);
    const err = await failing.drainOnce().then(() => undefined, (e: unknown) => e);
    expect((err as Error).message).toMatch(/failed: invalid_document_id: /);
    expect(payloads).toBeGreaterThanOrEqual(3);
    // The first payload's documents were indexed; the batch's rows all stay for the next pass.
    await index.meili.index(uid).getDocument(ids[0]!);
    expect(batches).toEqual([]);
    expect(await outbox()).toEqual(ids);
    worker.start();
    await until(async () => ((await outbox()).length === 0 ? true : undefined), 20_000, 'an empty outbox');
    const { results } = await index.meili.index(uid).getDocuments({ ids, fields: ['id'], limit: 10 });
    expect(results).toHaveLength(ids.length);
  });

  it('syncs a row that committed after a later one: each pass starts again from the first row left', async () => {
    // The earlier transaction takes the lower outbox id but commits last, after the worker has
    // already read past that id.
    const early = await writeProfile('late-commit', 'published', 'late@example.org');
    await until(async () => ((await outbox()).length === 0 ? true : undefined), 10_000, 'an empty outbox');
    const slow = new pg.Client({ connectionString: t.url });
    await slow.connect();
    try {
      await slow.query('begin');
      await slow.query(`update profiles set name = 'Committed Late' where id = $1`, [early]);
      await slow.query('insert into search_outbox (profile_id) values ($1)', [early]);
      const later = await writeProfile('commits-first', 'published', 'first@example.org');
      await until(() => index.meili.index(uid).getDocument(later).catch(() => undefined), 10_000, 'the later row synced');
      await until(async () => ((await outbox()).length === 0 ? true : undefined), 10_000, 'the later row deleted');
      await slow.query('commit');
    } finally {
      await slow.end();
    }
    await until(async () => ((await index.meili.index(uid).getDocument(early)).name === 'Committed Late' ? true : undefined), 10_000, 'the late row synced');
    await until(async () => ((await outbox()).length === 0 ? true : undefined), 10_000, 'an empty outbox');
  });

  it('keeps the rows of a task that Meilisearch failed, and applies them once it can', async () => {
    // An index whose primary key the documents lack: every addDocuments task fails.
    const broken = `${index.prefix}broken`;
    await settled(index.meili.createIndex(broken, { primaryKey: 'no_such_field' }));
    const failing = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: broken, log: createLogger('silent') });
    await keepsTheRow(failing, 'failed-task-1', (err) =>
      expect((err as Error).message).toMatch(/^Meilisearch task \d+ \(documentAdditionOrUpdate\) failed: missing_document_id: /));
  });
});
