import { sql, type Kysely } from 'kysely';

/**
 * `email_verified_at` now records every time an owner proves their address with a link mailed to
 * it (a manage link as well as the first confirmation): it marks the profile as self-managed,
 * and no import changes a self-managed profile. Owners who used a manage link before this are
 * found by the links they used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update profiles p set email_verified_at = t.first_used
    from (select profile_id, min(used_at) as first_used from profile_tokens
          where purpose in ('verify', 'manage') and used_at is not null group by profile_id) t
    where p.id = t.profile_id and p.email_verified_at is null and p.status <> 'removed'`.execute(db);
}

/** Nothing to undo: the proofs happened, and the column keeps its meaning. */
export async function down(): Promise<void> {}
