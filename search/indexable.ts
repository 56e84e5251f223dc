import type { Executor } from '../db/client.js';
import { listSlugs } from '../db/profiles.js';
import type { IndexableProfile } from './profiles-index.js';

/** Published profiles with their employer and lists, ready for `toDocument`. */
export function indexableProfiles(db: Executor) {
  return db
    .selectFrom('profiles as p')
    .leftJoin('employers as e', 'e.id', 'p.former_employer_id')
    .where('p.status', '=', 'published')
    .select([
      'p.id', 'p.slug', 'p.name', 'p.headline', 'p.role', 'p.seniority', 'p.skills', 'p.country',
      'p.region', 'p.city', 'p.remote', 'p.relocation', 'p.work_authorization', 'p.employment_types',
      'p.layoff_date', 'p.available_from', 'p.years_experience', 'p.linkedin_url', 'p.updated_at', 'p.visibility',
      'p.last_confirmed_at', 'p.published_at',
      'e.slug as former_employer_slug',
      'e.name as former_employer_name',
      listSlugs(),
    ])
    .$narrowType<IndexableProfile>();
}
