import { httpErrors } from '@fastify/sensible';
import { allOf, anyOf, eq, range, type Condition } from './filters.js';
import { REMOTE_PREFERENCES, SENIORITIES } from '../common/profile-codes.js';
import { COUNTRY_CODES } from '../common/normalize/location.js';
import { canonicalSkill } from '../common/normalize/skills.js';
import { cleanText } from '../common/normalize/text.js';
import type { Facet } from '../common/search.js';
import { MAX_LIST_VALUES, type FacetSearchQuery } from './schemas.js';

/** What the filters of a search ask for, every value checked. */
export interface SearchFilters {
  q: string;
  skills: string[];
  anySkills: string[];
  country: string[];
  region: string[];
  employer: string[];
  seniority: string[];
  remote: string[];
  list: string[];
  workAuthorization?: string;
  relocation?: boolean;
  layoffFrom?: string;
  layoffTo?: string;
  yearsMin?: number;
  yearsMax?: number;
  confirmedWithin?: number;
  /** Unix seconds: only people confirmed at or after it. */
  since?: number;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Check = (value: string) => string | undefined;

/** Splits `a,b` into checked, de-duplicated values; `check` returns the fixed value or undefined. */
function commaList(name: string, raw: string | undefined, check: Check, expected: string): string[] {
  if (raw === undefined) return [];
  const values = [...new Set(raw.split(',').map((v) => v.trim()).filter(Boolean))];
  if (values.length > MAX_LIST_VALUES) throw httpErrors.badRequest(`querystring.${name} takes at most ${MAX_LIST_VALUES} values`);
  return values.map((value) => {
    const fixed = check(value);
    if (fixed === undefined) throw httpErrors.badRequest(`querystring.${name}: ${JSON.stringify(value.slice(0, 80))} is not ${expected}`);
    return fixed;
  });
}

const text = (max: number): Check => (value) => {
  const clean = cleanText(value, { max });
  return clean.ok && clean.value ? clean.value : undefined;
};
const slug: Check = (value) => (SLUG.test(value) && value.length <= 120 ? value : undefined);
const oneOf = (allowed: readonly string[]): Check => (value) => (allowed.includes(value.toLowerCase()) ? value.toLowerCase() : undefined);
const skill: Check = (value) => {
  const clean = text(60)(value);
  return clean === undefined ? undefined : canonicalSkill(clean);
};
const country: Check = (value) => (COUNTRY_CODES.has(value.toUpperCase()) ? value.toUpperCase() : undefined);

export function parseFilters(query: Omit<FacetSearchQuery, 'facetQuery'>): SearchFilters {
  const q = cleanText(query.q ?? '', { max: 200 });
  if (!q.ok) throw httpErrors.badRequest(`querystring.q ${q.reason}`);
  const filters: SearchFilters = {
    q: q.value,
    skills: commaList('skills', query.skills, skill, 'a skill (at most 60 characters)'),
    anySkills: commaList('anySkills', query.anySkills, skill, 'a skill (at most 60 characters)'),
    country: commaList('country', query.country, country, 'an ISO country code like US or DE'),
    region: commaList('region', query.region, text(100), 'a region (at most 100 characters)'),
    employer: commaList('employer', query.employer, slug, 'an employer slug like "meta"'),
    seniority: commaList('seniority', query.seniority, oneOf(SENIORITIES), `one of ${SENIORITIES.join(', ')}`),
    remote: commaList('remote', query.remote, oneOf(REMOTE_PREFERENCES), `one of ${REMOTE_PREFERENCES.join(', ')}`),
    list: commaList('list', query.list, slug, 'a list slug like "meta-2026"'),
    workAuthorization: query.workAuthorization,
    relocation: query.relocation,
    layoffFrom: query.layoffFrom,
    layoffTo: query.layoffTo,
    yearsMin: query.yearsMin,
    yearsMax: query.yearsMax,
    confirmedWithin: query.confirmedWithin,
    since: query.since,
  };
  if (filters.layoffFrom && filters.layoffTo && filters.layoffFrom > filters.layoffTo) {
    throw httpErrors.badRequest('querystring.layoffFrom must be on or before layoffTo');
  }
  if (filters.yearsMin !== undefined && filters.yearsMax !== undefined && filters.yearsMin > filters.yearsMax) {
    throw httpErrors.badRequest('querystring.yearsMin must be at most yearsMax');
  }
  return filters;
}

const DAY_SECONDS = 24 * 60 * 60;

/** Unix seconds at the start of a YYYY-MM-DD day (UTC), as `layoff_at` holds them. */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

/**
 * The Meilisearch conditions, keyed by the facet they restrict (or `other`), so that a facet's
 * counts can be computed without its own OR filter (disjunctive faceting: picking a country
 * still shows how many match the other countries).
 */
export function conditionsByFacet(f: SearchFilters, now = Date.now()): Record<Facet | 'other', Condition[]> {
  return {
    skills: [...allOf('skills', f.skills), ...anyOf('skills', f.anySkills)],
    country: anyOf('country', f.country),
    region: anyOf('region', f.region),
    employer: anyOf('former_employer', f.employer),
    seniority: anyOf('seniority', f.seniority),
    remote: anyOf('remote', f.remote),
    list: anyOf('lists', f.list),
    other: [
      ...(f.workAuthorization ? [eq('work_authorization', f.workAuthorization)] : []),
      ...(f.relocation !== undefined ? [eq('relocation', f.relocation)] : []),
      ...range('layoff_at', f.layoffFrom ? dayStart(f.layoffFrom) : undefined, f.layoffTo ? dayStart(f.layoffTo) : undefined),
      ...range('years_experience', f.yearsMin, f.yearsMax),
      ...range('confirmed_at', f.confirmedWithin === undefined ? undefined : Math.floor(now / 1000) - f.confirmedWithin * DAY_SECONDS, undefined),
      ...range('confirmed_at', f.since, undefined),
    ],
  };
}

/** Every condition, except (optionally) those of one facet. */
export function conditionsWithout(byFacet: Record<Facet | 'other', Condition[]>, left?: Facet): Condition[] {
  return Object.entries(byFacet).flatMap(([facet, conditions]) => (facet === left ? [] : conditions));
}
