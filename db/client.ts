import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** What data-access functions take, so that a caller can compose them in a transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

// int8 (ids, counts) as numbers: every value we keep fits in 2^53. `date` stays 'YYYY-MM-DD'
// instead of becoming a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its connection (Postgres restarting) must not crash the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export interface Session {
  /** Kysely on this one connection: a transaction here and `client` share it. */
  db: Db;
  /** The raw connection, for what Kysely has no word for (COPY). */
  client: pg.Client;
  close(): Promise<void>;
}

/**
 * One connection of its own, seen both through Kysely and raw: the import streams its rows with
 * COPY into a temporary table that the statements of its transaction then read.
 */
export async function openSession(connectionString: string): Promise<Session> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  // A broken connection fails the query in flight; without a listener it would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  // Kysely releases its connection after each query: here that must not close it.
  const pooled = Object.assign(client, { release: () => undefined });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => pooled, end: async () => undefined } }) });
  return { db, client, close: () => client.end() };
}
