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
  const database = await createTestDatabase();
  const index = createIndexPrefix();
  const t = await startApp(env, options, database.url, index.prefix);
  return {
    ...t,
    close: async () => {
      await t.close();
      await Promise.all([database.drop(), index.drop()]);
    },
  };
}

/**
 * Another process of the same deployment as `t`: a second app on its database and index prefix
 * (without a search worker). Closing it leaves them to `t`.
 */
export function createPeerApp(t: TestApp, env: Record<string, string> = {}): Promise<TestApp> {
  return startApp(env, { worker: false }, t.databaseUrl, t.indexPrefix);
}

async function startApp(
  env: Record<string, string>,
  options: { worker?: boolean; logger?: Logger },
  databaseUrl: string,
  indexPrefix: string,
): Promise<TestApp> {
  const stores = inject('stores');
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT: '0', PUBLIC_URL: 'http://lifeline.test', ...env });
  const app = await buildApp({
    config,
    logger: options.logger ?? createLogger(config.logLevel),
    databaseUrl,
    meiliUrl: stores.meiliUrl,
    meiliKey: stores.meiliKey,
    indexPrefix,
    worker: options.worker,
  });
  await app.ready();
  return { app, config, databaseUrl, indexPrefix, close: () => app.close() };
}
