import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { createMeili } from '../../search/client.js';
import { profilesIndexUid } from '../../search/profiles-index.js';
import { loadConfig } from '../../server/config.js';
import { createDb, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { freePort, stopPid, waitUntil } from '../../server/embedded/processes.js';
import { startStores, type Stores } from '../../server/embedded/stores.js';
import { createLogger } from '../../server/logger.js';

/**
 * The bench's own Lifeline: Postgres and Meilisearch (embedded in a temp DATA_DIR, or
 * DATABASE_URL / MEILI_URL when set), and the real server entry as a child process, so that the
 * load generator never shares an event loop with the server and its memory can be read alone.
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
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child?.pid && child.exitCode === null) await stopPid(child.pid, 'SIGTERM', 15_000);
    await db.destroy();
    await stores.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(db);
    const storeEnv = { DATABASE_URL: stores.databaseUrl, MEILI_URL: stores.meiliUrl, MEILI_MASTER_KEY: stores.meiliKey };
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env, ...storeEnv, DATA_DIR: path.join(dataDir, 'server'), PORT: String(port), HOST: '127.0.0.1',
        // The bench reads its links from the dev mailbox, as a laptop does, whatever the shell's NODE_ENV.
        PUBLIC_URL: url, RATE_LIMIT: '0', LOG_LEVEL: 'warn', SMTP_URL: '', NODE_ENV: 'development', DEV_MAILBOX: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    const healthy = async () => (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })).status === 200;
    await waitUntil(healthy, 'the Lifeline server', 120_000).catch((err: Error) => {
      throw new Error(`${err.message}\n--- server output ---\n${output}`);
    });
    say(`Server (node server/main.ts, pid ${child.pid}) at ${url}`);
    return {
      stores, db, storeEnv, stop,
      meili: createMeili(stores.meiliUrl, stores.meiliKey),
      indexUid: profilesIndexUid(),
      server: { url, pid: child.pid! },
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
