import { httpErrors } from '@fastify/sensible';
import { ANONYMOUS_MAX_HITS } from '../common/search.js';
import { eq, type Condition } from './filters.js';
import { RECRUITER_ONLY_FIELDS, type AnonymousHit, type SearchHit, type SearchTier } from './schemas.js';
import { conditionsByFacet, type SearchFilters } from './request.js';

/**
 * What each tier may ask of search (DESIGN.md, "Who sees what"): anyone not signed in as a
 * verified recruiter sees public profiles only, pages through the first 100 results, and neither
 * reads nor filters by what is kept to recruiters (a filter would reveal the field it filters).
 */

/** The conditions a tier adds to every query, counts and facet values included. */
export const tierConditions = (tier: SearchTier): Condition[] => (tier === 'anonymous' ? [eq('visibility', 'public')] : []);

/** A search's conditions by facet (request.ts), with what the tier adds to every query. */
export function tieredConditions(filters: SearchFilters, tier: SearchTier) {
  const byFacet = conditionsByFacet(filters);
  return { ...byFacet, other: [...byFacet.other, ...tierConditions(tier)] };
}

const RECRUITER_ONLY_FILTERS = {
  workAuthorization: 'work authorization',
  yearsMin: 'years of experience',
  yearsMax: 'years of experience',
} as const satisfies Partial<Record<keyof SearchFilters, string>>;

const SIGN_IN = 'sign in as a verified recruiter (create an account at /recruiters/join)';

/** 403 for a filter the tier may not use. */
export function checkTierFilters(filters: SearchFilters, tier: SearchTier): void {
  if (tier === 'recruiter') return;
  for (const [name, what] of Object.entries(RECRUITER_ONLY_FILTERS)) {
    if (filters[name as keyof typeof RECRUITER_ONLY_FILTERS] !== undefined) {
      throw httpErrors.forbidden(`querystring.${name}: filtering by ${what} is for verified recruiters; ${SIGN_IN}, or leave it out`);
    }
  }
}

/**
 * 403 for a page that starts past the tier's depth. The page that straddles it is cut there
 * (page 4 of 30 a page shows results 91 to 100): `hitsOnPage` says how many of it to show.
 */
export function tierPaging(tier: SearchTier, page: number, hitsPerPage: number): { hitsOnPage: number } {
  if (tier === 'recruiter') return { hitsOnPage: hitsPerPage };
  const first = (page - 1) * hitsPerPage;
  if (first >= ANONYMOUS_MAX_HITS && hitsPerPage > 0) {
    throw httpErrors.forbidden(
      `querystring.page: without signing in, only the first ${ANONYMOUS_MAX_HITS} results can be seen (page ${page} of ${hitsPerPage} starts at result ${first + 1}); narrow the search with filters, or ${SIGN_IN} to page further`,
    );
  }
  return { hitsOnPage: Math.min(hitsPerPage, ANONYMOUS_MAX_HITS - first) };
}

/** How many pages a tier can reach. */
export const tierTotalPages = (tier: SearchTier, totalPages: number, hitsPerPage: number) =>
  tier === 'recruiter' || hitsPerPage === 0 ? totalPages : Math.min(totalPages, Math.ceil(ANONYMOUS_MAX_HITS / hitsPerPage));

/** A hit as the tier sees it. */
export function hitForTier(hit: SearchHit, tier: SearchTier): SearchHit | AnonymousHit {
  if (tier === 'recruiter') return hit;
  const shown: Record<string, unknown> = { ...hit };
  for (const field of RECRUITER_ONLY_FIELDS) delete shown[field];
  return shown as AnonymousHit;
}
