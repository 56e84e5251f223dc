import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createMeili } from '../../search/client.js';
import { createDb, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A fresh, migrated database of this test file's own on the run's Postgres. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { databaseUrl } = inject('stores');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(databaseUrl, `create database ${name}`);
  const url = withDatabase(databaseUrl, name);
  const db = createDb(url);
  await migrateToLatest(db);
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

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}
