import type { Kysely } from 'kysely';

/**
 * Which process runs an import: the id of its runner lock (server/services/imports/runner.ts).
 * With several API processes (and the CLI) on one database, an import is orphaned only when its
 * runner's lock is gone, not whenever some other process starts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('runner', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('runner').execute();
}
