import { sql, type Kysely } from 'kysely';

/**
 * Whom each rejected row of an import report names: the hashes of its email and LinkedIn URL,
 * as `suppressions` keeps them. A removal erases the rows that name the person by these, through
 * the index, however many reports there are and however the cells were spelled. Rows written
 * before this carry none; they leave with their report, 30 days after its import.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('import_rejections')
    .addColumn('identity_hashes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await db.schema.createIndex('import_rejections_identity_idx').on('import_rejections').using('gin').column('identity_hashes').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_rejections').dropColumn('identity_hashes').execute();
}
