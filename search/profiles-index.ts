import type { Meilisearch, Settings } from 'meilisearch';
import type { ProfileVisibility } from '../common/profile-codes.js';
import { skillSynonyms } from '../common/normalize/skills.js';
import { MAX_TOTAL_HITS } from '../common/search.js';
import { settled } from './client.js';

/**
 * The one and only shape Meilisearch ever sees of a person: public fields, no email, token or
 * consent data. Dates are kept both as text (for display) and as Unix seconds (for filters).
 * Postgres builds it (`profileDocuments` in search/documents.ts).
 */
export interface ProfileDocument {
  id: number;
  slug: string;
  name: string;
  headline: string | null;
  role: string | null;
  seniority: string | null;
  skills: string[];
  country: string | null;
  region: string | null;
  city: string | null;
  remote: string | null;
  relocation: boolean | null;
  work_authorization: string | null;
  employment_types: string[];
  former_employer: string | null;
  former_employer_name: string | null;
  lists: string[];
  layoff_date: string | null;
  layoff_at: number | null;
  available_from: string | null;
  years_experience: number | null;
  linkedin_url: string | null;
  updated_at: number;
  /** When the person last said they are still looking (else when published), Unix seconds. */
  confirmed_at: number;
  /** 'recruiters': anonymous searches filter it out (`visibility = public`). */
  visibility: ProfileVisibility;
}

/** A timestamp as whole Unix seconds, as documents carry theirs (Postgres computes those: `epochSecondsOf`). */
export function epochSeconds(at: Date | string): number {
  return Math.floor(new Date(at).getTime() / 1000);
}

export const FILTERABLE_ATTRIBUTES = [
  'skills', 'country', 'region', 'former_employer', 'seniority', 'remote', 'relocation',
  'work_authorization', 'employment_types', 'lists', 'layoff_at', 'years_experience', 'confirmed_at',
  'visibility',
] as const;

export const profileIndexSettings = (): Settings => ({
  // Order matters: a match in the role or a skill outranks one in the headline or the name.
  searchableAttributes: ['role', 'skills', 'headline', 'name', 'former_employer_name', 'city', 'region'],
  filterableAttributes: [...FILTERABLE_ATTRIBUTES],
  // Alphabetical, as Meilisearch answers them, so that an unchanged list is seen as unchanged.
  sortableAttributes: ['confirmed_at', 'layoff_at', 'updated_at'],
  // An exact word ("Go") beats a word that merely starts with the query ("Google Ads") before the
  // attribute order counts; at equal relevance, the more recently laid off come first. `sort`
  // (only active when a search asks for an order) comes right after `words`, so "most recently
  // laid off" orders every full match by date. Last, the more recently confirmed come first.
  rankingRules: ['words', 'sort', 'typo', 'proximity', 'exactness', 'attribute', 'layoff_at:desc', 'confirmed_at:desc'],
  synonyms: skillSynonyms(),
  faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
});

export const profilesIndexUid = (prefix = '') => `${prefix}profiles`;

/** Creates the index if missing and brings its settings to the code's, touching nothing that already matches. */
export async function ensureProfilesIndex(meili: Meilisearch, uid: string): Promise<void> {
  await createIndexIfMissing(meili, uid);
  await applySettings(meili, uid);
}

export async function createIndexIfMissing(meili: Meilisearch, uid: string): Promise<void> {
  const exists = await meili.getIndex(uid).then(() => true, () => false);
  if (!exists) await settled(meili.createIndex(uid, { primaryKey: 'id' }));
}

export async function applySettings(meili: Meilisearch, uid: string): Promise<void> {
  const wanted = profileIndexSettings();
  const current = await meili.index(uid).getSettings();
  const stale = (Object.keys(wanted) as (keyof Settings)[]).some(
    (key) => !sameSetting(wanted[key], current[key]),
  );
  if (stale) await settled(meili.index(uid).updateSettings(wanted));
}

/** Compares settings as Meilisearch returns them: objects by their present keys, lists in order. */
function sameSetting(wanted: unknown, current: unknown): boolean {
  if (Array.isArray(wanted) || typeof wanted !== 'object' || wanted === null) {
    return JSON.stringify(wanted) === JSON.stringify(current);
  }
  const cur = (current ?? {}) as Record<string, unknown>;
  return Object.entries(wanted).every(([k, v]) => sameSetting(v, cur[k]));
}

