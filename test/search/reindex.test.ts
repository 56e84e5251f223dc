import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { settled } from '../../search/client.js';
import { checkDrift, driftCount } from '../../search/drift.js';
import { profilesIndexUid } from '../../search/profiles-index.js';
import { reindex, ReindexBusyError } from '../../search/reindex.js';
import { SyncWorker } from '../../search/sync-worker.js';
import { createLogger } from '../../server/logger.js';
import { runScript, storesEnv } from '../helpers/cli.js';
import { createIndexPrefix, createTestDatabase, type TestDatabase } from '../helpers/stores.js';
import { outboxDrained, seedProfiles, updateProfile } from '../helpers/profiles.js';

describe('reindex', () => {
  let t: TestDatabase;
  const index = createIndexPrefix();
  const liveUid = profilesIndexUid(index.prefix);
  let worker: SyncWorker;
  let published: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    published = await seedProfiles(t.db, 3_000);
    // Started after the first rebuild: it would create the live index, which that test wants missing.
    worker = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: liveUid, log: createLogger('silent'), sweepMs: 500 });
  });
  afterAll(async () => {
    await worker.stop();
    await Promise.all([t.drop(), index.drop()]);
  });

  const uidsOfThisTest = async () =>
    (await index.meili.getIndexes({ limit: 1000 })).results.map((i) => i.uid).filter((uid) => uid.startsWith(index.prefix));

  it('builds the index from scratch when there is none, each published profile once', async () => {
    expect(await uidsOfThisTest()).toEqual([]);
    const result = await reindex({ db: t.db, meili: index.meili, liveUid, batchSize: 700 });
    expect(result.documents).toBe(published);
    const stats = await index.meili.index(liveUid).getStats();
    expect(stats.numberOfDocuments).toBe(published);
    expect(driftCount(await checkDrift({ db: t.db, meili: index.meili, uid: liveUid }))).toBe(0);
    expect(await uidsOfThisTest()).toEqual([liveUid]);
    worker.start();
  });

  it('swaps in a fresh index while searches go on, none failing', async () => {
    let searching = true;
    let searches = 0;
    const failures: unknown[] = [];
    const loop = (async () => {
      while (searching) {
        try {
          const res = await index.meili.index(liveUid).search('person', { filter: 'skills = Rust', limit: 5 });
          expect(res.hits.length).toBe(5);
          searches++;
        } catch (err) {
          failures.push(err);
        }
      }
    })();
    const progress: number[] = [];
    const result = await reindex({
      db: t.db,
      meili: index.meili,
      liveUid,
      batchSize: 500,
      onProgress: ({ sent }) => void progress.push(sent),
    });
    searching = false;
    await loop;
    expect(failures).toEqual([]);
    expect(searches).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(published);
    expect(result.documents).toBe(published);
    expect((await index.meili.index(liveUid).getStats()).numberOfDocuments).toBe(published);
    expect(driftCount(await checkDrift({ db: t.db, meili: index.meili, uid: liveUid }))).toBe(0);
    // The old documents went with the uid the fresh index was built under.
    expect(await uidsOfThisTest()).toEqual([liveUid]);
  });

  it('keeps changes made mid-rebuild, after the rebuild read those profiles', async () => {
    const [first, second] = await t.db.selectFrom('profiles').select('id').where('status', '=', 'published').orderBy('id').limit(2).execute();
    let changed = false;
    const result = await reindex({
      db: t.db,
      meili: index.meili,
      liveUid,
      batchSize: 500,
      onProgress: async () => {
        if (changed) return;
        changed = true;
        // Both profiles are in the first batch, already sent to the fresh index. The worker
        // applies the changes to the live (old) index, and clears their outbox rows.
        await updateProfile(t.db, first!.id, { name: 'Renamed Mid Rebuild' });
        await updateProfile(t.db, second!.id, { status: 'removed' });
        await outboxDrained(t.db);
      },
    });
    expect(result.requeued).toBe(2);
    await outboxDrained(t.db);
    expect((await index.meili.index(liveUid).getDocument(first!.id)).name).toBe('Renamed Mid Rebuild');
    await expect(index.meili.index(liveUid).getDocument(second!.id)).rejects.toThrow();
    expect(driftCount(await checkDrift({ db: t.db, meili: index.meili, uid: liveUid }))).toBe(0);
  });

  it('runs one rebuild at a time', async () => {
    let second: Promise<unknown> | undefined;
    await reindex({
      db: t.db,
      meili: index.meili,
      liveUid,
      batchSize: 1_000,
      onProgress: () => {
        second ??= reindex({ db: t.db, meili: index.meili, liveUid }).catch((err: unknown) => err);
      },
    });
    expect(await second).toBeInstanceOf(ReindexBusyError);
  });

  it('clears a rebuild abandoned by a crash and replays its journal', async () => {
    const orphan = `${liveUid}_19700101t000000000z`;
    await settled(index.meili.createIndex(orphan, { primaryKey: 'id' }));
    const { id } = await t.db.selectFrom('profiles').select('id').where('status', '=', 'published').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await t.db.insertInto('search_reindexes').values({ uid: orphan }).execute();
    await t.db.insertInto('search_reindex_changes').values({ uid: orphan, profile_id: id }).execute();
    await worker.stop();
    try {
      await reindex({ db: t.db, meili: index.meili, liveUid });
      expect(await uidsOfThisTest()).toEqual([liveUid]);
      const queued = await t.db.selectFrom('search_outbox').select('profile_id').execute();
      expect(queued.map((r) => r.profile_id)).toEqual([id]);
      expect(await t.db.selectFrom('search_reindexes').selectAll().execute()).toEqual([]);
    } finally {
      worker.start();
    }
    await outboxDrained(t.db);
  });

  it('runs as npm run reindex, printing its progress', async () => {
    const stores = storesEnv({ ...inject('stores'), databaseUrl: t.url, indexPrefix: index.prefix });
    const run = await runScript('reindex', ['--batch-size', '1000'], stores);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const now = (await checkDrift({ db: t.db, meili: index.meili, uid: liveUid })).published;
    expect(run.stdout).toContain(`1000 of ~${now} profiles sent`);
    expect(run.stdout).toContain(`Swapped in a fresh "${liveUid}" with ${now} profiles`);
    const bad = await runScript('reindex', ['--batch-size', 'lots'], stores);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--batch-size must be a whole number');
  }, 120_000);
});
