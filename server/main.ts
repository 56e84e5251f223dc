import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp, type App } from './app.js';
import { loadConfigOrExit } from './config.js';
import { createDb } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { startStores, type Stores } from './embedded/stores.js';
import { createLogger } from './logger.js';
import { WEB_DIST } from './plugins/external/static.js';
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

try {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    log.info('building the web app (first start)');
    await buildWeb();
  }
  stores = await startStores(config, log);
  const db = createDb(stores.databaseUrl, { max: 1 });
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  } finally {
    await db.destroy();
  }
  app = await buildApp({
    config,
    logger: log,
    databaseUrl: stores.databaseUrl,
    meiliUrl: stores.meiliUrl,
    meiliKey: stores.meiliKey,
  });
  await app.listen({ port: config.port, host: config.host });
  log.info(`Lifeline is running at ${config.publicUrl}`);
} catch (err) {
  log.fatal({ err }, `Lifeline could not start: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown('start failed', 1);
}
