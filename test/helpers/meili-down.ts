import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { freePort } from '../../server/embedded/processes.js';
import { createLogger } from '../../server/logger.js';

/** The real app on a working database, but with Meilisearch at a port where nothing listens. */
export async function createAppWithMeiliDown(databaseUrl: string): Promise<App> {
  return buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT: '0' }),
    logger: createLogger('silent'),
    databaseUrl,
    meiliUrl: `http://127.0.0.1:${await freePort()}`,
    meiliKey: 'nobody-listens-here',
    worker: false,
  });
}
