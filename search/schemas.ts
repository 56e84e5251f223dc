import { Type, type Static } from '@sinclair/typebox';
import { REMOTE_PREFERENCES, SENIORITIES, WORK_AUTHORIZATIONS } from '../common/profile-codes.js';
import { FACETS, MAX_TOTAL_HITS, SEARCHABLE_FACETS, type Facet } from '../common/search.js';

const SORTS = ['relevance', 'layoff_desc', 'updated_desc'] as const;

const MAX_HITS_PER_PAGE = 50;
/** The most values one comma list may hold (skills=a,b,c …). */
export const MAX_LIST_VALUES = 20;

const enumOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Optional = Type.Optional;

/** A comma-separated list; each value is checked by the service, which names the bad one. */
const commaList = (description: string) => Type.String({ maxLength: 2_000, description });
const date = (description: string) => Type.String({ format: 'date', description });

/** The filters shared by a search and a facet search. */
const filterProperties = {
  q: Optional(Type.String({ maxLength: 200, description: 'full text over name, headline, role, skills, former employer, city' })),
  skills: Optional(commaList('skills that must ALL match, comma-separated')),
  anySkills: Optional(commaList('skills of which ANY may match, comma-separated')),
  country: Optional(commaList('ISO 3166-1 alpha-2 codes, any of them, comma-separated')),
  region: Optional(commaList('regions, any of them, comma-separated')),
  employer: Optional(commaList('former employer slugs, any of them, comma-separated')),
  seniority: Optional(commaList(`any of ${SENIORITIES.join(', ')}, comma-separated`)),
  remote: Optional(commaList(`any of ${REMOTE_PREFERENCES.join(', ')}, comma-separated`)),
  list: Optional(commaList('layoff list slugs, any of them, comma-separated')),
  workAuthorization: Optional(enumOf(WORK_AUTHORIZATIONS, 'authorized: needs no sponsorship')),
  relocation: Optional(Type.Boolean({ description: 'true: open to relocation' })),
  layoffFrom: Optional(date('laid off on or after this day (YYYY-MM-DD)')),
  layoffTo: Optional(date('laid off on or before this day (YYYY-MM-DD)')),
  yearsMin: Optional(Type.Integer({ minimum: 0, maximum: 70 })),
  yearsMax: Optional(Type.Integer({ minimum: 0, maximum: 70 })),
};

export const SearchQuerySchema = Type.Object(
  {
    ...filterProperties,
    sort: Optional(enumOf(SORTS, 'relevance (default), layoff_desc: most recently laid off first, updated_desc: recently updated first')),
    // One hit a page is the deepest paging there is.
    page: Optional(Type.Integer({ minimum: 1, maximum: MAX_TOTAL_HITS, default: 1 })),
    hitsPerPage: Optional(Type.Integer({ minimum: 0, maximum: MAX_HITS_PER_PAGE, default: 20 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuerySchema>;

/** Who is searching: anonymous visitors see less than verified recruiters (DESIGN.md, trust tiers). */
export type SearchTier = 'anonymous' | 'recruiter';

export const FacetSearchParamsSchema = Type.Object({ facet: enumOf(SEARCHABLE_FACETS, 'the facet to search') });
export const FacetSearchQuerySchema = Type.Object(
  { ...filterProperties, facetQuery: Optional(Type.String({ maxLength: 100, description: 'what the facet values start with' })) },
  { additionalProperties: false },
);
export type FacetSearchQuery = Static<typeof FacetSearchQuerySchema>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** A search hit: the public fields, and only these, reach the client. */
const SearchHitSchema = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  headline: Nullable(Type.String()),
  role: Nullable(Type.String()),
  seniority: Nullable(Type.String()),
  skills: Type.Array(Type.String()),
  country: Nullable(Type.String()),
  region: Nullable(Type.String()),
  city: Nullable(Type.String()),
  remote: Nullable(Type.String()),
  relocation: Nullable(Type.Boolean()),
  workAuthorization: Nullable(Type.String()),
  formerEmployer: Nullable(Type.Object({ slug: Type.String(), name: Type.String() })),
  lists: Type.Array(Type.String()),
  layoffDate: Nullable(Type.String()),
  availableFrom: Nullable(Type.String()),
  yearsExperience: Nullable(Type.Integer()),
  linkedinUrl: Nullable(Type.String()),
});
export type SearchHit = Static<typeof SearchHitSchema>;

const Counts = Type.Record(Type.String(), Type.Integer());
const Labels = Type.Record(Type.String(), Type.String());

export const SearchResultSchema = Type.Object({
  hits: Type.Array(SearchHitSchema),
  /** Exact up to Meilisearch's maxTotalHits. */
  total: Type.Integer(),
  page: Type.Integer(),
  hitsPerPage: Type.Integer(),
  totalPages: Type.Integer(),
  /** facet → { value: count }. */
  facets: Type.Object(Object.fromEntries(FACETS.map((f) => [f, Counts])) as Record<Facet, typeof Counts>),
  /** Display names for facets whose values are codes or slugs: employer, list, country. */
  labels: Type.Object({ employer: Labels, list: Labels, country: Labels }),
  processingTimeMs: Type.Integer(),
});
export type SearchResult = Static<typeof SearchResultSchema>;

const FacetValueSchema = Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() });
export type FacetValue = Static<typeof FacetValueSchema>;

export const FacetSearchResultSchema = Type.Object({
  facet: Type.String(),
  values: Type.Array(FacetValueSchema),
});
export type FacetSearchResult = Static<typeof FacetSearchResultSchema>;

export const EmployerParamsSchema = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 120 }) });

/** The employer page: who was laid off there, by skill and by country. */
export const EmployerTalentSchema = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  total: Type.Integer(),
  skills: Type.Array(FacetValueSchema),
  countries: Type.Array(FacetValueSchema),
});
export type EmployerTalent = Static<typeof EmployerTalentSchema>;
