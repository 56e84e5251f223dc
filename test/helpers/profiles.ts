import { until } from './until.js';
import { sql } from 'kysely';
import type { Executor } from '../../server/db/client.js';
import type { ProfileStatus } from '../../server/db/schema.js';

/**
 * The write path as the API and the import use it: the profile and its outbox row in one
 * transaction, for tests that need profiles without going through the opt-in or import API.
 */
export async function writeProfile(
  db: Executor,
  profile: { slug: string; status: ProfileStatus; email?: string; name?: string; skills?: string[] },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('profiles')
      .values({
        slug: profile.slug,
        name: profile.name ?? `Person ${profile.slug}`,
        status: profile.status,
        email: profile.email ?? `${profile.slug}@example.org`,
        skills: profile.skills ?? ['Rust'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('search_outbox').values({ profile_id: id }).execute();
    return id;
  });
}

/** Changes a profile the way an edit does: new values, a fresh updated_at, an outbox row. */
export async function updateProfile(
  db: Executor,
  id: number,
  changes: { name?: string; status?: ProfileStatus },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ ...changes, updated_at: sql`clock_timestamp()` }).where('id', '=', id).execute();
    await trx.insertInto('search_outbox').values({ profile_id: id }).execute();
  });
}

/**
 * `count` profiles in one statement, every tenth hidden, the rest published, without outbox
 * rows (for rebuilds and drift checks, which read Postgres directly). Returns the published count.
 */
export async function seedProfiles(db: Executor, count: number, prefix = 'seed'): Promise<number> {
  await sql`
    insert into profiles (slug, name, status, email, skills, country)
    select ${prefix} || '-' || g, 'Person ' || g, case when g % 10 = 0 then 'hidden' else 'published' end,
           ${prefix} || g || '@example.org', array['Rust', 'Go'], 'DE'
    from generate_series(1, ${count}::int) g`.execute(db);
  return count - Math.floor(count / 10);
}

/** Polls until the worker has emptied the outbox. */
export async function outboxDrained(db: Executor, timeoutMs = 30_000): Promise<void> {
  await until(async () => {
    const { n } = await db.selectFrom('search_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n) === 0 ? true : undefined;
  }, timeoutMs);
}
