import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadConfig } from '../server/config.js';
import { startStores, type Stores } from '../server/embedded/stores.js';
import { createLogger } from '../server/logger.js';
import { adminQuery, withDatabase } from './helpers/postgres-admin.js';

export interface TestStores {
  /** A database URL whose database part each test file replaces with its own. */
  databaseUrl: string;
  /** A database migrated once for the run, which each test file's database is a copy of. */
  templateDatabase: string;
  meiliUrl: string;
  meiliKey: string;
  /** Where the embedded stores keep their data (empty when both are external). */
  dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stores: TestStores;
  }
}

/**
 * One Postgres and one Meilisearch for the whole run: embedded ones on free ports in a temp dir,
 * or TEST_DATABASE_URL / TEST_MEILI_URL (+ TEST_MEILI_MASTER_KEY) when set. On that Postgres, a
 * template database migrated once, which test files copy instead of migrating their own. Torn
 * down at the end, whether the tests passed or not.
 */
export default async function setup(project: TestProject) {
  // The end-to-end tests run the server as npm start does, compiled: bring dist/ and web/dist up
  // to date first (about a second when nothing changed; npm test has just built them).
  if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-test-'));
  // The embedded Postgres runs as an unprivileged user when we are root: it must reach its dir.
  await chmod(dataDir, 0o755);
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    MEILI_URL: process.env.TEST_MEILI_URL,
    MEILI_MASTER_KEY: process.env.TEST_MEILI_MASTER_KEY,
  });
  let stores: Stores;
  try {
    stores = await startStores(config, createLogger('warn'), { fast: true });
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  // Named for this run: runs sharing one TEST_DATABASE_URL must not drop each other's.
  const templateDatabase = `lifeline_template_${randomBytes(4).toString('hex')}`;
  const dropTemplate = () => adminQuery(stores.databaseUrl, `drop database if exists ${templateDatabase} with (force)`);
  try {
    await createTemplate(stores.databaseUrl, templateDatabase);
  } catch (err) {
    await dropTemplate().catch(() => undefined);
    await stores.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  project.provide('stores', {
    databaseUrl: stores.databaseUrl,
    templateDatabase,
    meiliUrl: stores.meiliUrl,
    meiliKey: stores.meiliKey,
    dataDir,
  });
  return async () => {
    await dropTemplate().catch(() => undefined);
    await stores.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/**
 * Migrates `name` once; then closes every connection to it and forbids new ones, since Postgres
 * copies a database only while nobody is connected to it.
 */
async function createTemplate(databaseUrl: string, name: string): Promise<void> {
  await adminQuery(databaseUrl, `create database ${name}`);
  const db = createDb(withDatabase(databaseUrl, name), { max: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  await adminQuery(databaseUrl, `alter database ${name} with allow_connections false`);
}

