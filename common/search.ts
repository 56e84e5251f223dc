/**
 * What a search offers, the same to the browser that asks and the server that answers: the
 * facets every answer counts, and how deep results can be paged.
 */

/** The facets every search answers with, named like the query parameters that filter them. */
export const FACETS = ['skills', 'country', 'region', 'employer', 'seniority', 'remote', 'list'] as const;
export type Facet = (typeof FACETS)[number];

/** Long facets, with a filter box in the UI: searched with Meilisearch facet search. */
export const SEARCHABLE_FACETS = ['skills', 'employer', 'region', 'country', 'list'] as const satisfies readonly Facet[];
export type SearchableFacet = (typeof SEARCHABLE_FACETS)[number];

export const isSearchableFacet = (facet: Facet): facet is SearchableFacet => (SEARCHABLE_FACETS as readonly Facet[]).includes(facet);

/** How deep a search can page: Meilisearch counts and returns hits up to this many. */
export const MAX_TOTAL_HITS = 10_000;

/** How deep anyone not signed in as a verified recruiter can page: the first 100 results. */
export const ANONYMOUS_MAX_HITS = 100;
