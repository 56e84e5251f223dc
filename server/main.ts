import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { buildApp, type App } from './app.js';
import { loadConfigOrExit } from './config.js';
import { createDb } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { startStores, type Stores } from './embedded/stores.js';
import { createLogger } from './logger.js';
import { startFailureLine } from './start-failure.js';
import { WEB_DIST } from './web-build.js';
import { buildWeb } from './web-build.js';

const SHUTDOWN_TIMEOUT_MS = 10_000;

const config = loadConfigOrExit();
const log = createLogger(config.logLevel);
let stores: Stores | undefined;
let app: App | undefined;
let closing = false;

/** Stops in order: no new requests, then the worker and pools, then the embedded stores. */
async function shutdown(reason: string, code: number): Promise<never> {
  if (!closing) {
    closing = true;
    log.info({ reason }, 'shutting down');
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    await app?.close().catch((err: unknown) => log.error({ err }, 'closing the app failed'));
    await stores?.stop().catch((err: unknown) => log.error({ err }, 'stopping the embedded stores failed'));
  }
  process.exit(code);
}
process.once('SIGINT', () => void shutdown('SIGINT', 0));
process.once('SIGTERM', () => void shutdown('SIGTERM', 0));

/** Fails now, before the stores start, when PORT is taken: `listen` would only tell at the end. */
async function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, resolve);
  });
  await new Promise((resolve) => probe.close(resolve));
}

try {
  await checkPortFree(config.port, config.host);
  stores = await startStores(config, log);
  const db = createDb(stores.databaseUrl, { max: 1 });
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  } finally {
    await db.destroy();
  }
  // After the stores: a start that cannot succeed says so within seconds, not after a build.
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    log.info('building the web app (first start)');
    await buildWeb();
  }
  app = await buildApp({
    config,
    logger: log,
    databaseUrl: stores.databaseUrl,
    meiliUrl: stores.meiliUrl,
    meiliKey: stores.meiliKey,
    schedule: true,
  });
  await app.listen({ port: config.port, host: config.host });
  log.info(`Lifeline is running at ${config.publicUrl}`);
} catch (err) {
  // People read this line, not the JSON log: the cause and the fix, without a stack.
  process.stderr.write(`${startFailureLine(err, config)}\n`);
  log.debug({ err }, 'start failed');
  await shutdown('start failed', 1);
}
