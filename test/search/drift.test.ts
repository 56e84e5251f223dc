import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { settled } from '../../search/client.js';
import { checkDrift, driftCount, queueDrift } from '../../search/drift.js';
import { profilesIndexUid } from '../../search/profiles-index.js';
import { reindex } from '../../search/reindex.js';
import { SyncWorker } from '../../search/sync-worker.js';
import { createLogger } from '../../server/logger.js';
import { runScript, storesEnv } from '../helpers/cli.js';
import { createIndexPrefix, createTestDatabase, type TestDatabase } from '../helpers/stores.js';
import { outboxDrained, seedProfiles } from '../helpers/profiles.js';

describe('search drift check', () => {
  let t: TestDatabase;
  const index = createIndexPrefix();
  const uid = profilesIndexUid(index.prefix);
  let worker: SyncWorker;
  const stores = () => storesEnv({ ...inject('stores'), databaseUrl: t.url, indexPrefix: index.prefix });

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedProfiles(t.db, 300);
    await reindex({ db: t.db, meili: index.meili, liveUid: uid });
    worker = new SyncWorker({ db: t.db, databaseUrl: t.url, meili: index.meili, indexUid: uid, log: createLogger('silent'), sweepMs: 500 });
    worker.start();
  });
  afterAll(async () => {
    await worker.stop();
    await Promise.all([t.drop(), index.drop()]);
  });

  it('finds none when the index agrees with Postgres', async () => {
    const drift = await checkDrift({ db: t.db, meili: index.meili, uid, batchSize: 100 });
    expect(drift).toMatchObject({ missing: [], extra: [], stale: [], published: 270, documents: 270 });
  });

  it('names missing, extra and stale documents, and --fix repairs them', async () => {
    const published = await t.db.selectFrom('profiles').select('id').where('status', '=', 'published').orderBy('id').limit(3).execute();
    const [gone, old, hidden] = published.map((p) => p.id) as [number, number, number];
    // Missing: lost from the index. Stale: changed in Postgres behind the outbox's back.
    // Extra: hidden in Postgres but still searchable, and a document for no profile at all.
    await settled(index.meili.index(uid).deleteDocument(gone));
    await t.db.updateTable('profiles').set({ updated_at: sql`now() + interval '1 hour'` }).where('id', '=', old).execute();
    await t.db.updateTable('profiles').set({ status: 'hidden' }).where('id', '=', hidden).execute();
    await settled(index.meili.index(uid).addDocuments([{ id: 999_999, slug: 'ghost', name: 'Ghost', updated_at: 0 }]));

    const drift = await checkDrift({ db: t.db, meili: index.meili, uid, batchSize: 100 });
    expect(drift).toMatchObject({ missing: [gone], extra: [hidden, 999_999], stale: [old] });

    const check = await runScript('search-check', [], stores());
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`Missing from the index: 1 (ids ${gone})`);
    expect(check.stdout).toContain(`Extra in the index (not published): 2 (ids ${hidden}, 999999)`);
    expect(check.stdout).toContain(`Stale in the index (older updated_at): 1 (ids ${old})`);
    expect(check.stdout).toContain('--fix');

    const fix = await runScript('search-check', ['--fix'], stores());
    expect(fix.stdout).toContain('Queued 4 profiles for the sync worker');
    await outboxDrained(t.db);
    expect(driftCount(await checkDrift({ db: t.db, meili: index.meili, uid }))).toBe(0);
    const clean = await runScript('search-check', [], stores());
    expect(clean).toMatchObject({ code: 0 });
    expect(clean.stdout).toContain('No drift.');
  }, 180_000);

  it('counts every published profile missing when the index does not exist', async () => {
    const drift = await checkDrift({ db: t.db, meili: index.meili, uid: `${index.prefix}nothing_here` });
    expect(drift.missing.length).toBe(drift.published);
    expect(drift.documents).toBe(0);
    expect(await queueDrift(t.db, { ...drift, missing: drift.missing.slice(0, 3) })).toBe(3);
    await outboxDrained(t.db);
  });

  it('explains its usage for an unknown flag', async () => {
    const run = await runScript('search-check', ['--fxi'], stores());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run search:check');
  }, 60_000);
});
