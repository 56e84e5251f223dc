import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { SyncWorker, SYNC_LOCK_CLASS } from '../../search/sync-worker.js';
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

  /** A pass of `failing` fails; the profile's row stays queued, and the real worker applies it later. */
  async function keepsTheRow(failing: SyncWorker, slug: string, error: RegExp) {
    await worker.stop();
    const id = await writeProfile(slug, 'published', `${slug}@example.org`);
    await expect(failing.drainOnce()).rejects.toThrow(error);
    const waiting = await t.db.selectFrom('search_outbox').select('profile_id').execute();
    expect(waiting.map((r) => r.profile_id)).toContain(id);
    worker.start();
    await until(() => index.meili.index(uid).getDocument(id).catch(() => undefined));
  }

  it('keeps the rows while Meilisearch is unreachable, and loses none', async () => {
    const down = createMeili(`http://127.0.0.1:${await freePort()}`, inject('stores').meiliKey);
    await keepsTheRow(new SyncWorker({ db: t.db, databaseUrl: t.url, meili: down, indexUid: uid, log: createLogger('silent') }), 'wait-1', /./);
  });

  it('never lets two workers take the same row', async () => {
    await worker.stop();
    const ids = [];
    for (let i = 0; i < 40; i++) ids.push(await writeProfile(`many-${i}`, 'published', `m${i}@example.org`));
    const a = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: uid, log: createLogger('silent'), batchSize: 10 });
    const b = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: uid, log: createLogger('silent'), batchSize: 10 });
    let cleared = 0;
    for (;;) {
      const [x, y] = await Promise.all([a.drainOnce(), b.drainOnce()]);
      cleared += x.rows + y.rows;
      if (x.rows === 0 && y.rows === 0) break;
    }
    expect(cleared).toBe(40);
    const { estimatedTotalHits } = await index.meili.index(uid).search('', { filter: 'skills = Rust', limit: 0 });
    expect(estimatedTotalHits).toBeGreaterThanOrEqual(40);
    worker.start();
  });

  it('keeps the rows of a task that Meilisearch failed, and applies them once it can', async () => {
    // An index whose primary key the documents lack: every addDocuments task fails.
    const broken = `${index.prefix}broken`;
    await settled(index.meili.createIndex(broken, { primaryKey: 'no_such_field' }));
    const failing = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: broken, log: createLogger('silent') });
    await keepsTheRow(failing, 'failed-task-1', /Meilisearch task \d+ \(documentAdditionOrUpdate\) failed/);
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
