import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDrift, driftCount } from '../../search/drift.js';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startEmbeddedMeilisearch, type RunningMeili } from '../../server/embedded/meilisearch.js';
import { createLogger } from '../../server/logger.js';
import { runScript, storesEnv } from '../helpers/cli.js';
import { updateProfile, writeProfile } from '../helpers/profiles.js';
import { until } from '../helpers/until.js';
import { createTestDatabase, type TestDatabase } from '../helpers/stores.js';

/**
 * The write path under a Meilisearch crash: the real app (its in-process sync worker included)
 * on a supervised embedded Meilisearch of its own, which this test kills with SIGKILL. Its
 * supervisor restarts it only once the test has seen what the outage does.
 */
describe('Meilisearch killed while profiles are written', () => {
  let dir: string;
  let meili: RunningMeili;
  let endOutage!: () => void;
  const outageOver = new Promise<void>((resolve) => (endOutage = resolve));
  const masterKey = randomBytes(24).toString('base64url');
  let t: TestDatabase;
  let app: App;
  const indexPrefix = 'outage_';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-outage-'));
    meili = await startEmbeddedMeilisearch(
      { dir, masterKey, logFile: path.join(dir, 'meili.log'), beforeRestart: () => outageOver },
      createLogger('silent'),
    );
    t = await createTestDatabase();
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT: '0' }),
      databaseUrl: t.url,
      meiliUrl: meili.url,
      meiliKey: masterKey,
      indexPrefix,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await meili?.supervisor.stop();
    await t?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const health = async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    return { status: res.statusCode, body: res.json<{ status: string; postgres: string; meilisearch: string }>() };
  };

  it('loses no write, keeps what search missed in the outbox, and search agrees with Postgres once Meilisearch is back', async () => {
    const written: number[] = [];
    const failures: unknown[] = [];
    let writing = true;
    // Writes, edits and removals through the write path, as fast as Postgres takes them.
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        try {
          const id = await writeProfile(app.db, { slug: `outage-${i}`, status: 'published' });
          written.push(id);
          if (i % 5 === 4) await updateProfile(app.db, written[i - 2]!, { name: `Edited ${i}` });
          if (i % 7 === 6) await updateProfile(app.db, written[i - 3]!, { status: 'removed' });
        } catch (err) {
          failures.push(err);
        }
      }
    })();

    await until(async () => (written.length >= 30 ? true : undefined), 20_000, '30 writes');
    const pid = meili.supervisor.pid!;
    process.kill(pid, 'SIGKILL');
    await until(async () => ((await health()).body.meilisearch === 'down' ? true : undefined), 10_000, 'healthz to see Meilisearch down');

    // Down, and held down: what the app says, and where the writes go meanwhile.
    expect(await health()).toEqual({ status: 503, body: { status: 'degraded', postgres: 'ok', meilisearch: 'down' } });
    const search = await app.inject({ method: 'GET', url: '/api/search?q=person' });
    expect(search.statusCode).toBe(503);
    expect(search.json().message).toBe('Search is temporarily unavailable. Please try again in a minute.');
    const atKill = written.length;
    await until(async () => (written.length >= atKill + 30 ? true : undefined), 20_000, '30 more writes');
    writing = false;
    await writer;
    expect(failures).toEqual([]);
    const stored = await app.db.selectFrom('profiles').select('id').where('slug', 'like', 'outage-%').orderBy('id').execute();
    expect(stored.map((p) => p.id)).toEqual(written);
    // Every profile written since Meilisearch died waits in the outbox, and the metrics say so.
    const queued = await app.db.selectFrom('search_outbox').select('profile_id').execute();
    const queuedIds = new Set(queued.map((r) => r.profile_id));
    expect(written.slice(atKill).filter((id) => !queuedIds.has(id))).toEqual([]);
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/^lifeline_store_up\{store="meilisearch"\} 0$/m);
    expect(metrics).toMatch(new RegExp(`^lifeline_search_outbox_depth ${queued.length}$`, 'm'));

    endOutage();
    await until(async () => ((await health()).status === 200 ? true : undefined), 30_000, 'Meilisearch back');
    expect(meili.supervisor.pid).not.toBe(pid);
    // The worker deletes a row only once Meilisearch has applied it: an empty outbox is search caught up.
    await until(async () => ((await app.db.selectFrom('search_outbox').select('id').execute()).length === 0 ? true : undefined), 30_000, 'an empty outbox');
    const uid = app.profilesIndex;
    expect(driftCount(await checkDrift({ db: app.db, meili: app.meili, uid }))).toBe(0);
    const published = await app.db.selectFrom('profiles').select('id').where('status', '=', 'published').orderBy('id').execute();
    const { results: documents } = await app.meili.index(uid).getDocuments({ fields: ['id'], limit: 10_000 });
    expect(documents.map((d) => d.id as number).sort((x, y) => x - y)).toEqual(published.map((p) => p.id));
    expect(published.length).toBeGreaterThan(0);

    const cli = await runScript('search-check', [], storesEnv({ databaseUrl: t.url, meiliUrl: meili.url, meiliKey: masterKey, indexPrefix }));
    expect(cli.stdout).toContain('No drift.');
    expect(cli.code).toBe(0);
  }, 120_000);
});
