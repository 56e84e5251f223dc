import { epochSeconds, type ProfileDocument } from '../../search/profiles-index.js';
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
  const submitted = epochSeconds(p.submittedAt);
  return {
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
    former_employer: slugify(p.employer),
    former_employer_name: p.employer,
    lists: listSlugs,
    layoff_date: p.layoffDate,
    layoff_at: p.layoffDate ? epochSeconds(`${p.layoffDate}T00:00:00Z`) : null,
    available_from: null,
    years_experience: p.yearsExperience,
    linkedin_url: null,
    updated_at: submitted,
    confirmed_at: submitted,
    visibility: 'public',
  };
}
