import { listSlugs } from '../../search/indexable.js';
import type { Executor } from '../db/client.js';
import type { Profile } from '../db/schema.js';
import type { PublicProfile } from '../schemas/profiles.js';

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

/**
 * The one shape of a person that anyone may see: public fields only. The email is there only
 * when its owner chose to show it and the profile is published.
 */
export function toPublicProfile(row: ProfileRow): PublicProfile {
  const profile: PublicProfile = {
    slug: row.slug,
    name: row.name,
    headline: row.headline,
    role: row.role,
    seniority: row.seniority,
    skills: row.skills,
    yearsExperience: row.years_experience,
    country: row.country,
    region: row.region,
    city: row.city,
    remote: row.remote,
    relocation: row.relocation,
    workAuthorization: row.work_authorization,
    employmentTypes: row.employment_types,
    formerEmployer:
      row.former_employer_slug && row.former_employer_name
        ? { slug: row.former_employer_slug, name: row.former_employer_name }
        : null,
    lists: row.list_slugs,
    layoffDate: row.layoff_date,
    availableFrom: row.available_from,
    linkedinUrl: row.linkedin_url,
    websiteUrl: row.website_url,
    bio: row.bio,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
  if (row.status === 'published' && row.show_email && row.email) profile.email = row.email;
  return profile;
}

/** A published profile by its slug; undefined for pending, hidden, removed or unknown ones alike. */
export async function findPublicProfile(db: Executor, slug: string): Promise<PublicProfile | undefined> {
  const row = await profileRows(db).where('p.slug', '=', slug).where('p.status', '=', 'published').executeTakeFirst();
  return row && toPublicProfile(row);
}

/** Where a profile's public page lives. */
export const profileUrl = (publicUrl: string, slug: string) => `${publicUrl}/p/${encodeURIComponent(slug)}`;
