import { sql, type Kysely } from 'kysely';

/**
 * Whether a profile's seniority was guessed from its job title by an import (the list had no
 * seniority column, or the row left it empty) rather than said by the person or the list: a
 * guess never replaces what was said, and can be told apart from it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table profiles add column seniority_inferred boolean not null default false`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table profiles drop column seniority_inferred`.execute(db);
}
