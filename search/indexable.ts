import { sql } from 'kysely';
import type { Executor } from '../server/db/client.js';
import type { IndexableProfile } from './profiles-index.js';

/** The slugs of the lists of the profile aliased `p`, as `list_slugs`. */
export const listSlugs = () =>
  sql<string[]>`coalesce((
    select array_agg(l.slug order by l.slug)
    from profile_lists pl join layoff_lists l on l.id = pl.list_id
    where pl.profile_id = p.id), '{}')`.as('list_slugs');

/** Published profiles with their employer and lists, ready for `toDocument`. */
export function indexableProfiles(db: Executor) {
  return db
    .selectFrom('profiles as p')
    .leftJoin('employers as e', 'e.id', 'p.former_employer_id')
    .where('p.status', '=', 'published')
    .select([
      'p.id', 'p.slug', 'p.name', 'p.headline', 'p.role', 'p.seniority', 'p.skills', 'p.country',
      'p.region', 'p.city', 'p.remote', 'p.relocation', 'p.work_authorization', 'p.employment_types',
      'p.layoff_date', 'p.available_from', 'p.years_experience', 'p.linkedin_url', 'p.updated_at',
      'e.slug as former_employer_slug',
      'e.name as former_employer_name',
      listSlugs(),
    ])
    .$narrowType<IndexableProfile>();
}
