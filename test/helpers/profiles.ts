import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../server/db/client.js';
import type { NewProfile } from '../../server/db/schema.js';
import { resolveEmployers } from '../../server/normalize/employers.js';

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
export async function insertProfiles(db: Db, profiles: TestProfile[]): Promise<Map<string, number>> {
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
      await trx.insertInto('search_outbox').values({ profile_id: id }).execute();
    }
  });
  await outboxDrained(db);
  return ids;
}

export async function outboxDrained(db: Db, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { n } = await db.selectFrom('search_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(n) === 0) return;
    if (Date.now() > deadline) throw new Error(`search outbox still holds ${n} rows`);
    await sleep(50);
  }
}
