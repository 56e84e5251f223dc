import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { SyncWorker } from '../../search/sync-worker.js';
import { ensureProfilesIndex } from '../../search/profiles-index.js';
import { createMeili } from '../../search/client.js';
import { createLogger } from '../../server/logger.js';
import { freePort } from '../../server/embedded/processes.js';
import { createIndexPrefix, createTestDatabase, type TestDatabase } from '../helpers/stores.js';
import { until } from '../helpers/until.js';


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

  async function writeProfile(slug: string, status: 'published' | 'pending' | 'removed', email: string) {
    return t.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('profiles')
        .values({ slug, name: `Person ${slug}`, status, email, skills: ['Rust'] })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('search_outbox').values({ profile_id: id }).execute();
      return id;
    });
  }

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
      await trx.insertInto('search_outbox').values({ profile_id: published }).execute();
    });
    await until(async () => ((await index.meili.index(uid).getDocument(published).catch(() => null)) === null ? true : undefined));
    await expect(index.meili.index(uid).getDocument(pending)).rejects.toThrow();
  });

  it('keeps the rows while Meilisearch is unreachable, and loses none', async () => {
    const down = createMeili(`http://127.0.0.1:${await freePort()}`, inject('stores').meiliKey);
    const offline = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: down, indexUid: uid, log: createLogger('silent') });
    await worker.stop();
    const id = await writeProfile('wait-1', 'published', 'w1@example.org');
    await expect(offline.drainOnce()).rejects.toThrow();
    const waiting = await t.db.selectFrom('search_outbox').select('profile_id').execute();
    expect(waiting.map((r) => r.profile_id)).toContain(id);
    worker.start();
    await until(() => index.meili.index(uid).getDocument(id).catch(() => undefined));
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
});
