import { inject } from 'vitest';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Logger } from 'pino';
import { createLogger } from '../../server/logger.js';
import { createIndexPrefix, createTestDatabase } from './stores.js';

export interface TestApp {
  app: App;
  config: Config;
  databaseUrl: string;
  indexPrefix: string;
  close(): Promise<void>;
}

/**
 * The production app (same factory, plugins and error handler) on a fresh database and index
 * prefix of its own. `env` sets configuration as the environment would.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { worker?: boolean; logger?: Logger } = {},
): Promise<TestApp> {
  const stores = inject('stores');
  const database = await createTestDatabase();
  const index = createIndexPrefix();
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT: '0', PUBLIC_URL: 'http://lifeline.test', ...env });
  const app = await buildApp({
    config,
    logger: options.logger ?? createLogger(config.logLevel),
    databaseUrl: database.url,
    meiliUrl: stores.meiliUrl,
    meiliKey: stores.meiliKey,
    indexPrefix: index.prefix,
    worker: options.worker,
  });
  await app.ready();
  return {
    app,
    config,
    databaseUrl: database.url,
    indexPrefix: index.prefix,
    close: async () => {
      await app.close();
      await Promise.all([database.drop(), index.drop()]);
    },
  };
}
