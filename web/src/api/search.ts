import { query, request } from './http.js';

import type { SearchableFacet } from '../../../common/search.js';
import type { AnonymousHit, FacetValue, SearchHit as RecruiterHit, SearchResult as RecruiterResult } from '../../../search/schemas.js';

/** The contract's types come from the server's schemas; only types cross over, no code. */
export type { FacetValue };

/** A hit as either tier gets it: what is kept to verified recruiters is absent for anyone else. */
export type SearchHit = AnonymousHit & Partial<Pick<RecruiterHit, 'linkedinUrl' | 'workAuthorization' | 'yearsExperience'>>;
export type SearchResult = Omit<RecruiterResult, 'hits'> & { hits: SearchHit[] };

export type Counts = Record<string, number>;

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
