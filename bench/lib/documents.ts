import { toDocument, type ProfileDocument } from '../../search/profiles-index.js';
import { parseLocation } from '../../common/normalize/location.js';
import { canonicalSkill } from '../../common/normalize/skills.js';
import { slugify } from '../../common/normalize/text.js';
import type { Person } from '../../tools/people/generate.js';

/**
 * A generated person as the search document the sync worker would write, for filling
 * Meilisearch directly (the search baseline without an import, and the opt-in floor).
 */
export function personDocument(p: Person, id: number, listSlugs: string[]): ProfileDocument {
  const where = parseLocation(p.location);
  return toDocument({
    id,
    slug: `${slugify(p.name) || 'profile'}-${id.toString(36)}`,
    name: p.name,
    headline: `${p.title} at ${p.employer}`,
    role: p.title,
    seniority: p.seniority,
    skills: p.skills.map(canonicalSkill),
    country: where.country ?? null,
    region: where.region ?? null,
    city: where.city ?? null,
    remote: p.remote ? 'remote' : 'onsite',
    relocation: p.relocate,
    work_authorization: p.needsVisa ? 'needs_sponsorship' : 'authorized',
    employment_types: ['full_time'],
    layoff_date: p.layoffDate,
    available_from: null,
    years_experience: p.yearsExperience,
    visibility: 'public',
    linkedin_url: null,
    updated_at: p.submittedAt,
    last_confirmed_at: p.submittedAt,
    published_at: p.submittedAt,
    former_employer_slug: slugify(p.employer),
    former_employer_name: p.employer,
    list_slugs: listSlugs,
  });
}
