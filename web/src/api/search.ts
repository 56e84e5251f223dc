import { query, request } from './http.js';

/** A search hit: the public fields of a person (see SearchHitSchema on the server). */
export interface SearchHit {
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
  workAuthorization: string | null;
  formerEmployer: { slug: string; name: string } | null;
  lists: string[];
  layoffDate: string | null;
  availableFrom: string | null;
  yearsExperience: number | null;
  linkedinUrl: string | null;
}

export const FACETS = ['skills', 'country', 'region', 'employer', 'seniority', 'remote', 'list'] as const;
export type Facet = (typeof FACETS)[number];
export type SearchableFacet = 'skills' | 'employer' | 'region' | 'country' | 'list';
export type Counts = Record<string, number>;

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  page: number;
  hitsPerPage: number;
  totalPages: number;
  facets: Record<Facet, Counts>;
  labels: { employer: Record<string, string>; list: Record<string, string>; country: Record<string, string> };
  processingTimeMs: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** The API's query parameters, as strings (they come from and go to the page's URL as they are). */
export type SearchParams = Record<string, string>;

export function searchProfiles(params: SearchParams, signal: AbortSignal): Promise<SearchResult> {
  return request('GET', `/api/search${query(params)}`, { signal });
}

/** Facet values starting with `facetQuery`, counted within the current filters. */
export async function searchFacet(facet: SearchableFacet, facetQuery: string, params: SearchParams, signal: AbortSignal): Promise<FacetValue[]> {
  // Paging and order mean nothing to facet values; the API refuses them.
  const { page: _page, hitsPerPage: _hitsPerPage, sort: _sort, ...filters } = params;
  const { values } = await request<{ values: FacetValue[] }>('GET', `/api/search/facets/${facet}${query({ ...filters, facetQuery })}`, { signal });
  return values;
}

/** The `n` largest counts of a facet, with their display names. */
export function topValues(counts: Counts, label: (value: string) => string = (v) => v, n = 12): FacetValue[] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([value, count]) => ({ value, label: label(value), count }));
}
