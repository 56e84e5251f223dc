/**
 * Reindex under load: seeds N published profiles (default 100 000) on embedded stores of its
 * own, then rebuilds the index while searches run against the live uid without pause, and
 * while the sync worker applies a trickle of edits. Prints the rebuild time, the search count,
 * latencies and failures; exits 1 if any search failed or the index disagrees with Postgres.
 *
 *   npx tsx bench/reindex.ts [--profiles N] [--searchers C]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createMeili } from '../search/client.js';
import { checkDrift, driftCount } from '../search/drift.js';
import { profilesIndexUid } from '../search/profiles-index.js';
import { reindex } from '../search/reindex.js';
import { SyncWorker } from '../search/sync-worker.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { startStores } from '../server/embedded/stores.js';
import { createLogger } from '../server/logger.js';
import { seedProfiles, updateProfile } from '../test/helpers/profiles.js';

const { values } = parseArgs({ options: { profiles: { type: 'string', default: '100000' }, searchers: { type: 'string', default: '4' } } });
const count = Number(values.profiles);
const searchers = Number(values.searchers);
const QUERIES = ['person', 'rust', 'go', 'person 12', ''];

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-bench-'));
const log = createLogger('warn');
const stores = await startStores(loadConfig({ DATA_DIR: dataDir }), log, { fast: true });
const db = createDb(stores.databaseUrl);
const meili = createMeili(stores.meiliUrl, stores.meiliKey);
const liveUid = profilesIndexUid();
let code = 0;
try {
  await migrateToLatest(db);
  const published = await seedProfiles(db, count, 'bench');
  process.stdout.write(`seeded ${count} profiles (${published} published); first build…\n`);
  const first = await reindex({ db, meili, liveUid, batchSize: 5_000 });
  process.stdout.write(`first build: ${(first.ms / 1000).toFixed(1)} s\n`);

  const worker = new SyncWorker({ db, databaseUrl: stores.databaseUrl, meili, indexUid: liveUid, log });
  worker.start();
  let running = true;
  const latencies: number[] = [];
  const failures: string[] = [];
  const search = async (n: number) => {
    for (let i = n; running; i += searchers) {
      const started = performance.now();
      try {
        await meili.index(liveUid).search(QUERIES[i % QUERIES.length]!, { filter: 'skills = Rust', limit: 20 });
        latencies.push(performance.now() - started);
      } catch (err) {
        failures.push((err as Error).message);
      }
    }
  };
  const edits = async () => {
    for (let id = 1; running; id += 97) {
      await updateProfile(db, id, { name: `Edited ${id}` });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const load = [...Array.from({ length: searchers }, (_, n) => search(n)), edits()];
  const result = await reindex({
    db,
    meili,
    liveUid,
    batchSize: 5_000,
    onProgress: ({ sent, total }) => void (sent % 25_000 === 0 && process.stdout.write(`  ${sent}/${total}\n`)),
  });
  running = false;
  await Promise.all(load);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await worker.stop();
  const remaining = await db.selectFrom('search_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(remaining.n) > 0) await new SyncWorker({ db, databaseUrl: stores.databaseUrl, meili, indexUid: liveUid, log }).drainOnce();
  const drift = await checkDrift({ db, meili, uid: liveUid });
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const report = {
    profiles: count,
    published,
    reindexSeconds: Number((result.ms / 1000).toFixed(1)),
    requeuedDuringRebuild: result.requeued,
    searches: latencies.length,
    failedSearches: failures.length,
    searchMs: { p50: Number(pct(50).toFixed(1)), p95: Number(pct(95).toFixed(1)), max: Number(pct(100).toFixed(1)) },
    driftAfter: driftCount(drift),
    documentsAfter: drift.documents,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/reindex.json', `${JSON.stringify({ at: new Date().toISOString(), ...report }, null, 2)}\n`);
  if (failures.length > 0) process.stdout.write(`first failure: ${failures[0]}\n`);
  code = failures.length > 0 || report.driftAfter > 0 || drift.documents !== published ? 1 : 0;
} finally {
  await db.destroy();
  await stores.stop();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(code);
