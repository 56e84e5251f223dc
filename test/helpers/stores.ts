import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createMeili } from '../../search/client.js';
import { createDb, type Db } from '../../db/client.js';
import { adminQuery, withDatabase } from './postgres-admin.js';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/**
 * A fresh database of this test file's own on the run's Postgres: a migrated one, copied from the
 * run's template (see test/global-setup.ts), or with `empty`, one without a table, to migrate.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const { databaseUrl, templateDatabase } = inject('stores');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(databaseUrl, `create database ${name}${options.empty ? '' : ` template ${templateDatabase}`}`);
  const url = withDatabase(databaseUrl, name);
  const db = createDb(url);
  return {
    url,
    db,
    drop: async () => {
      await db.destroy();
      await adminQuery(databaseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** A unique index prefix for this test file, and a way to delete what it made (its indexes and their keys). */
export function createIndexPrefix() {
  const { meiliUrl, meiliKey } = inject('stores');
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const meili = createMeili(meiliUrl, meiliKey);
  return {
    prefix,
    meili,
    drop: async () => {
      const [{ results: indexes }, { results: keys }] = await Promise.all([meili.getIndexes({ limit: 1000 }), meili.getKeys({ limit: 1000 })]);
      await Promise.all([
        ...indexes.filter((i) => i.uid.startsWith(prefix)).map((i) => meili.deleteIndex(i.uid)),
        // The app's search-only keys, made for this prefix's index.
        ...keys.filter((k) => k.indexes.some((uid) => uid.startsWith(prefix))).map((k) => meili.deleteKey(k.uid)),
      ]);
    },
  };
}
