import { httpErrors } from '@fastify/sensible';
import type { Executor } from '../../db/client.js';
import { profileRows, type ProfileRow } from '../../db/profiles.js';
import { countryName, employmentTypeLabel, remoteLabel, seniorityLabel, workAuthorizationLabel } from '../../common/labels.js';
import type { AnonymousProfile, PublicProfile } from '../schemas/profiles.js';
import type { SearchTier } from '../../search/schemas.js';

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
    confirmedAt: new Date(row.last_confirmed_at ?? row.published_at ?? row.updated_at).toISOString(),
  };
  if (row.status === 'published' && row.show_email && row.email) profile.email = row.email;
  return profile;
}

/** How a public field reads to a person: its label, and its value as text ('' for nothing to show). */
type FieldText<K extends keyof PublicProfile> = { label: string; text: (value: NonNullable<PublicProfile[K]>) => string };

/**
 * Every field of the public profile with how it reads, or null for what is not a fact about the
 * person (the slug is the profile's address; updatedAt and confirmedAt are ours). The type asks for every key of
 * PublicProfile: a field made public does not compile until it says how it reads, so a person is
 * never told less than the public profile (and the search document, a part of it) shows.
 */
const PUBLIC_FIELDS: { [K in keyof PublicProfile]-?: FieldText<K> | null } = {
  slug: null,
  name: { label: 'Name', text: (v) => v },
  headline: { label: 'Headline', text: (v) => v },
  role: { label: 'Role', text: (v) => v },
  seniority: { label: 'Seniority', text: seniorityLabel },
  skills: { label: 'Skills', text: (v) => v.join(', ') },
  yearsExperience: { label: 'Years of experience', text: String },
  country: { label: 'Country', text: countryName },
  region: { label: 'Region', text: (v) => v },
  city: { label: 'City', text: (v) => v },
  remote: { label: 'Remote work', text: remoteLabel },
  relocation: { label: 'Open to relocation', text: (v) => (v ? 'Yes' : 'No') },
  workAuthorization: { label: 'Work authorization', text: workAuthorizationLabel },
  employmentTypes: { label: 'Employment types', text: (v) => v.map(employmentTypeLabel).join(', ') },
  formerEmployer: { label: 'Former employer', text: (v) => v.name },
  lists: { label: 'Layoff lists', text: (v) => v.join(', ') },
  layoffDate: { label: 'Laid off on', text: (v) => v },
  availableFrom: { label: 'Available from', text: (v) => v },
  linkedinUrl: { label: 'LinkedIn', text: (v) => v },
  websiteUrl: { label: 'Website', text: (v) => v },
  bio: { label: 'About', text: (v) => v },
  email: { label: 'Email', text: (v) => v },
  updatedAt: null,
  confirmedAt: null,
};

/**
 * A public profile as "Label: value" lines, one for each field that has a value: what anyone
 * (recruiters, for the fields kept to them) can see of the person. `lists` is shown as given, so
 * a caller may pass the lists' titles in place of their slugs.
 */
export function publicFieldLines(profile: PublicProfile): string[] {
  return (Object.keys(PUBLIC_FIELDS) as (keyof PublicProfile)[]).flatMap((key) => {
    // One key at a time, so the field's text takes that key's value; TypeScript cannot follow the loop.
    const field = PUBLIC_FIELDS[key] as FieldText<typeof key> | null;
    const value = profile[key];
    if (!field || value === null || value === undefined) return [];
    const text = (field.text as (v: typeof value) => string)(value);
    return text === '' ? [] : [`${field.label}: ${text}`];
  });
}

/**
 * A published profile by its slug, as `tier` sees it; undefined for pending, hidden, removed or
 * unknown ones alike, and for a recruiters-only one when the tier is anonymous.
 */
async function findPublicProfile(db: Executor, slug: string, tier: SearchTier): Promise<PublicProfile | AnonymousProfile | undefined> {
  const row = await profileRows(db)
    .where('p.slug', '=', slug)
    .where('p.status', '=', 'published')
    .$if(tier === 'anonymous', (q) => q.where('p.visibility', '=', 'public'))
    .executeTakeFirst();
  if (!row) return undefined;
  const profile = toPublicProfile(row);
  if (tier === 'recruiter') return profile;
  const { linkedinUrl, workAuthorization, yearsExperience, email, ...shown } = profile;
  return shown;
}

/** Where a profile's public page lives. */
export const profileUrl = (publicUrl: string, slug: string) => `${publicUrl}/p/${encodeURIComponent(slug)}`;

/** What anyone may read of a person: their public profile, while it is published. */
export class PublicProfileService {
  constructor(private readonly db: Executor) {}

  /** GET /api/profiles/:slug as `tier` sees it, or 404 (the same for a profile the tier may not see). */
  async get(slug: string, tier: SearchTier): Promise<PublicProfile | AnonymousProfile> {
    const profile = await findPublicProfile(this.db, slug, tier);
    if (!profile) throw httpErrors.notFound(`No public profile "${slug}": it may have been hidden or removed by its owner.`);
    return profile;
  }
}
