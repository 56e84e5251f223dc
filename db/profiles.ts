import { sql } from 'kysely';
import type { Executor } from './client.js';
import type { Profile } from './schema.js';

/**
 * The reads of a profile that more than one part makes: the search index (search/documents.ts)
 * and the public page, the owner's page and the mail (server/services/public-profile.ts).
 */

/** The slugs of the lists of the profile aliased `p`, as `list_slugs` (or `alias`). */
export const listSlugs = <A extends string = 'list_slugs'>(alias: A = 'list_slugs' as A) =>
  sql<string[]>`coalesce((
    select array_agg(l.slug order by l.slug)
    from profile_lists pl join layoff_lists l on l.id = pl.list_id
    where pl.profile_id = p.id), '{}')`.as(alias);

/** A profile row with its former employer and lists: everything a view of it needs. */
export type ProfileRow = Profile & {
  former_employer_slug: string | null;
  former_employer_name: string | null;
  list_slugs: string[];
};

/** Profiles with what `toPublicProfile` needs from other tables; callers add the where. */
export function profileRows(db: Executor) {
  return db
    .selectFrom('profiles as p')
    .leftJoin('employers as e', 'e.id', 'p.former_employer_id')
    .selectAll('p')
    .select([
      'e.slug as former_employer_slug',
      'e.name as former_employer_name',
      listSlugs(),
    ])
    .$narrowType<ProfileRow>();
}

