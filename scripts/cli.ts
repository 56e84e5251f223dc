import { loadConfigOrExit, type Config, type LogLevel } from '../server/config.js';
import { createDb, type Db } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { connectStores, type Stores } from '../server/embedded/stores.js';
import { createLogger, type Log } from '../server/logger.js';

interface CliContext {
  config: Config;
  log: Log;
  stores: Stores;
  db: Db;
}

/** Thrown for a mistake the user can fix; printed without a stack. */
export class UsageError extends Error {}

/**
 * Runs a command with the stores of the running Lifeline (or its own embedded ones), the schema
 * migrated, and everything closed afterwards. Exits 2 for usage and configuration errors.
 */
export async function runCli(
  work: (ctx: CliContext) => Promise<number | void>,
  options: { quietLevel?: LogLevel } = {},
): Promise<void> {
  const config = loadConfigOrExit();
  // Commands print their own results; logs stay quiet unless LOG_LEVEL asks for more.
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : (options.quietLevel ?? 'warn'));
  let stores: Stores | undefined;
  let db: Db | undefined;
  let code = 0;
  try {
    stores = await connectStores(config, log);
    db = createDb(stores.databaseUrl);
    await migrateToLatest(db);
    code = (await work({ config, log, stores, db })) ?? 0;
  } catch (err) {
    process.stderr.write(`${err instanceof UsageError ? '' : 'Failed: '}${(err as Error).message}\n`);
    code = err instanceof UsageError ? 2 : 1;
  } finally {
    await db?.destroy();
    await stores?.stop();
  }
  process.exit(code);
}
