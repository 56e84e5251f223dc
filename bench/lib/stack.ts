import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { createMeili } from '../../search/client.js';
import { profilesIndexUid } from '../../search/profiles-index.js';
import { loadConfig } from '../../server/config.js';
import { createDb, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { startStores, type Stores } from '../../server/embedded/stores.js';
import { createLogger } from '../../server/logger.js';
import { entryLabel, startServer, type ServerChild } from './server.js';

/**
 * The bench's own Lifeline: Postgres and Meilisearch (embedded in a temp DATA_DIR, or
 * DATABASE_URL / MEILI_URL when set), and the server as `npm start` runs it (compiled, in dist/)
 * as a child process, so that the load generator never shares an event loop with the server and
 * its memory can be read alone.
 */
export interface BenchStack {
  stores: Stores;
  db: Db;
  meili: Meilisearch;
  indexUid: string;
  /** What a child process needs to use these stores (`npm run user`, the server). */
  storeEnv: Record<string, string>;
  server: { url: string; pid: number };
  stop(): Promise<void>;
}

export async function startBenchStack(say: (line: string) => void): Promise<BenchStack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-bench-'));
  // The embedded Postgres runs as an unprivileged user when we are root: it must reach its dir.
  await chmod(dataDir, 0o755);
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const external = Boolean(config.databaseUrl && config.meiliUrl);
  say(external ? 'Using DATABASE_URL and MEILI_URL' : `Starting embedded Postgres and Meilisearch in ${dataDir}`);
  const stores = await startStores(config, createLogger('warn')).catch(async (err: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  });
  const db = createDb(stores.databaseUrl);
  let server: ServerChild | undefined;
  const stop = async () => {
    await server?.stop();
    await db.destroy();
    await stores.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(db);
    const storeEnv = { DATABASE_URL: stores.databaseUrl, MEILI_URL: stores.meiliUrl, MEILI_MASTER_KEY: stores.meiliKey };
    server = await startServer('compiled', { ...storeEnv, DATA_DIR: path.join(dataDir, 'server') });
    say(`Server (${entryLabel('compiled')}, pid ${server.pid}) at ${server.url}`);
    return {
      stores, db, storeEnv, stop,
      meili: createMeili(stores.meiliUrl, stores.meiliKey),
      indexUid: profilesIndexUid(),
      server: { url: server.url, pid: server.pid },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Resident memory of a process in MB, from /proc (Linux). */
export async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

/** Runs `work` while sampling `pid`'s resident memory every 50 ms; returns its result and the peak. */
export async function peakMemoryDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = await residentMb(pid);
  const timer = setInterval(() => {
    residentMb(pid).then((mb) => (peakMb = Math.max(peakMb, mb)), () => undefined);
  }, 50);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, await residentMb(pid));
    return { result, peakMb };
  } finally {
    clearInterval(timer);
  }
}
