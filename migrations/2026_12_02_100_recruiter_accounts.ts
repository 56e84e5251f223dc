import { sql, type Kysely } from 'kysely';

/**
 * Recruiters are users with a company, the work-email domain they proved, and a state: a new
 * account is `unverified` until its mailed link is used, then `verified` (a company domain) or
 * `in_review` (a free-mail or disposable domain) until an admin approves it; `suspended` by an
 * admin or by abuse reports. Organizers and admins have no state.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('company', 'text')
    .addColumn('email_domain', 'text')
    .addColumn('recruiter_state', 'text', (c) =>
      c.check(sql`recruiter_state in ('unverified', 'verified', 'in_review', 'suspended')`),
    )
    .addColumn('email_verified_at', 'timestamptz')
    .execute();
  // Recruiter rows made before accounts existed proved nothing: an admin reviews them.
  await sql`update users set recruiter_state = 'in_review' where role = 'recruiter'`.execute(db);
  await sql`alter table users add constraint users_recruiter_state_by_role
    check ((role = 'recruiter') = (recruiter_state is not null))`.execute(db);
  await db.schema
    .createIndex('users_recruiters_in_review')
    .on('users')
    .column('created_at')
    .where(sql.ref('recruiter_state'), '=', 'in_review')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_recruiters_in_review').execute();
  await sql`alter table users drop constraint users_recruiter_state_by_role`.execute(db);
  await db.schema
    .alterTable('users')
    .dropColumn('company')
    .dropColumn('email_domain')
    .dropColumn('recruiter_state')
    .dropColumn('email_verified_at')
    .execute();
}
