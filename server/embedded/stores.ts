import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../logger.js';
import type { Config } from '../config.js';
import { checkExternalStores } from './external-stores.js';
import { startEmbeddedMeilisearch } from './meilisearch.js';
import { startEmbeddedPostgres } from './postgres.js';
import { isRunning } from './processes.js';
import type { Supervisor } from './supervisor.js';

export interface Stores {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string;
  /** The embedded children, by name; empty when both stores are external. */
  supervisors: Record<string, Supervisor>;
  stop(): Promise<void>;
}

interface Secrets {
  postgresPassword: string;
  meiliMasterKey: string;
}

/**
 * Resolves where Postgres and Meilisearch are: the URLs from the environment when set, otherwise
 * embedded ones under DATA_DIR, started and supervised here. Each store is decided on its own.
 */
export async function startStores(
  config: Config,
  log: Log,
  options: { fast?: boolean } = {},
): Promise<Stores> {
  const supervisors: Record<string, Supervisor> = {};
  const stop = async () => {
    await Promise.all(Object.values(supervisors).map((s) => s.stop()));
  };
  await checkExternalStores(config);
  if (config.databaseUrl && config.meiliUrl) {
    return { databaseUrl: config.databaseUrl, meiliUrl: config.meiliUrl, meiliKey: config.meiliMasterKey ?? '', supervisors, stop };
  }

  await mkdir(config.dataDir, { recursive: true });
  await claimDataDir(config.dataDir);
  try {
    const secrets = await loadSecrets(config.dataDir);
    const logDir = path.join(config.dataDir, 'logs');
    await mkdir(logDir, { recursive: true });
    // Settled, not all: when one fails, the other may have started, and must be stopped with it.
    const [postgresStart, meiliStart] = await Promise.allSettled([
      config.databaseUrl
        ? undefined
        : startEmbeddedPostgres(
            {
              dir: path.join(config.dataDir, 'postgres'),
              password: secrets.postgresPassword,
              logFile: path.join(logDir, 'postgres.log'),
              database: 'lifeline',
              fast: options.fast,
            },
            log,
          ),
      config.meiliUrl
        ? undefined
        : startEmbeddedMeilisearch(
            {
              dir: path.join(config.dataDir, 'meili'),
              masterKey: secrets.meiliMasterKey,
              logFile: path.join(logDir, 'meilisearch.log'),
            },
            log,
          ),
    ]);
    const postgres = started(postgresStart);
    const meili = started(meiliStart);
    if (postgres) supervisors.postgres = postgres.supervisor;
    if (meili) supervisors.meilisearch = meili.supervisor;
    for (const start of [postgresStart, meiliStart]) if (start.status === 'rejected') throw start.reason;
    const endpoints: Endpoints = {
      databaseUrl: config.databaseUrl ?? postgres!.url,
      meiliUrl: config.meiliUrl ?? meili!.url,
      meiliKey: config.meiliUrl ? (config.meiliMasterKey ?? '') : secrets.meiliMasterKey,
    };
    await writeFile(endpointsFile(config.dataDir), JSON.stringify(endpoints), { mode: 0o600 });
    return {
      ...endpoints,
      supervisors,
      stop: async () => {
        await stop();
        await release(config.dataDir);
      },
    };
  } catch (err) {
    await stop();
    await release(config.dataDir);
    throw err;
  }
}

/**
 * For the command-line tools: the stores of the Lifeline already running on DATA_DIR when there
 * is one (they cannot be started twice), otherwise stores started for the command's lifetime.
 */
export async function connectStores(config: Config, log: Log): Promise<Stores> {
  if (!(config.databaseUrl && config.meiliUrl)) {
    const owner = await runningOwner(config.dataDir);
    const endpoints = await readFile(endpointsFile(config.dataDir), 'utf8').catch(() => undefined);
    if (owner !== undefined && endpoints) {
      const running = JSON.parse(endpoints) as Endpoints;
      return {
        databaseUrl: config.databaseUrl ?? running.databaseUrl,
        meiliUrl: config.meiliUrl ?? running.meiliUrl,
        meiliKey: config.meiliUrl ? (config.meiliMasterKey ?? '') : running.meiliKey,
        supervisors: {},
        stop: async () => undefined,
      };
    }
  }
  return startStores(config, log);
}

function started<T>(start: PromiseSettledResult<T>): T | undefined {
  return start.status === 'fulfilled' ? start.value : undefined;
}

type Endpoints = Pick<Stores, 'databaseUrl' | 'meiliUrl' | 'meiliKey'>;

const lockFile = (dataDir: string) => path.join(dataDir, 'lifeline.pid');
const endpointsFile = (dataDir: string) => path.join(dataDir, 'endpoints.json');

async function release(dataDir: string): Promise<void> {
  await Promise.all([rm(lockFile(dataDir), { force: true }), rm(endpointsFile(dataDir), { force: true })]);
}

/** The pid of another live Lifeline holding DATA_DIR, if any. */
async function runningOwner(dataDir: string): Promise<number | undefined> {
  const pid = Number((await readFile(lockFile(dataDir), 'utf8').catch(() => '')).trim());
  const live = Number.isInteger(pid) && pid > 0 && pid !== process.pid && (await isRunning(pid, 'node'));
  return live ? pid : undefined;
}

/** One Lifeline per DATA_DIR: a second one would fight the first over its children. */
async function claimDataDir(dataDir: string): Promise<void> {
  const pid = await runningOwner(dataDir);
  if (pid !== undefined) {
    throw new Error(
      `Another Lifeline (pid ${pid}) is using ${dataDir}. Stop it, or give this one its own DATA_DIR and PORT.`,
    );
  }
  await writeFile(lockFile(dataDir), `${process.pid}\n`);
}

/** Generated on first start and kept, so the embedded stores keep their credentials. */
async function loadSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, 'secrets.json');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing) return JSON.parse(existing) as Secrets;
  const secrets: Secrets = {
    postgresPassword: randomBytes(24).toString('base64url'),
    meiliMasterKey: randomBytes(32).toString('base64url'),
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
