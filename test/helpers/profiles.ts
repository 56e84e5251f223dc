import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import type { NewProfile } from '../../db/schema.js';
import type { ProfileStatus } from '../../common/profile-codes.js';
import { resolveEmployers } from '../../server/services/employers.js';
import { until } from './until.js';
import { enqueue } from '../../db/outbox.js';

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
    await enqueue(trx, id);
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
    await enqueue(trx, id);
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

export interface TestProfile extends Partial<Omit<NewProfile, 'slug' | 'name' | 'former_employer_id'>> {
  slug: string;
  name: string;
  /** The former employer's name, resolved like the opt-in form and the import do. */
  employer?: string;
  /** Slugs of layoff lists (created with a title when missing). */
  lists?: string[];
}

/**
 * Writes profiles (published unless said) with their employers and lists, and their outbox rows,
 * in one transaction, as the real write path does; then waits until the app's sync worker has
 * drained the outbox, so the profiles are searchable.
 */
export async function insertProfiles(db: Executor, profiles: TestProfile[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await db.transaction().execute(async (trx) => {
    const employers = await resolveEmployers(trx, profiles.flatMap((p) => (p.employer ? [p.employer] : [])));
    for (const { employer, lists = [], ...profile } of profiles) {
      const { id } = await trx
        .insertInto('profiles')
        .values({ status: 'published', ...profile, former_employer_id: employer ? employers.get(employer)!.id : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(profile.slug, id);
      for (const slug of lists) {
        await trx
          .insertInto('layoff_lists')
          .values({ slug, title: `List ${slug}` })
          .onConflict((oc) => oc.column('slug').doNothing())
          .execute();
        const list = await trx.selectFrom('layoff_lists').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
        await trx.insertInto('profile_lists').values({ profile_id: id, list_id: list.id }).execute();
      }
      await enqueue(trx, id);
    }
  });
  await outboxDrained(db);
  return ids;
}
