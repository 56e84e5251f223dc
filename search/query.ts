import { httpErrors } from '@fastify/sensible';
import { MeilisearchError, type Meilisearch, type MultiSearchQuery, type SearchResponse } from 'meilisearch';
import { eq, toFilter } from './filters.js';
import type { ProfileDocument } from './profiles-index.js';
import type { Executor } from '../db/client.js';
import { LabelCache } from './label-cache.js';
import type { Answer, AnswerCache } from './answer-cache.js';
import { countryName } from '../common/labels.js';
import { FACETS, MAX_TOTAL_HITS, type Facet } from '../common/search.js';
import {
  type EmployerTalent,
  type FacetSearchResult,
  type FacetValue,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchTier,
  type AnonymousSearchResult,
} from './schemas.js';
import { conditionsWithout, parseFilters, type SearchFilters } from './request.js';
import { checkTierFilters, hitForTier, tierConditions, tieredConditions, tierPaging, tierTotalPages } from './tiers.js';

/** What searching needs: Postgres for labels and employers, Meilisearch for the rest. */
interface SearchStores {
  db: Executor;
  /** Meilisearch with the search-only key. */
  searchClient: () => Promise<Meilisearch>;
  indexUid: string;
  /** Answers to identical searches of one tier, dropped whenever the index changes. */
  answers: AnswerCache;
}

/**
 * Runs a Meilisearch call, turning its failures (down, timed out, index missing) into a 503 whose
 * message is written for people (`expose`), so the error handler passes it on as is.
 */
async function meili<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof MeilisearchError) {
      throw httpErrors.createError(503, 'Search is temporarily unavailable. Please try again in a minute.', { expose: true, cause: err });
    }
    throw err;
  }
}

/** The document field behind each facet. */
const FACET_FIELD: Record<Facet, keyof ProfileDocument> = {
  skills: 'skills',
  country: 'country',
  region: 'region',
  employer: 'former_employer',
  seniority: 'seniority',
  remote: 'remote',
  list: 'lists',
};
const FIELD_FACET = Object.fromEntries(Object.entries(FACET_FIELD).map(([facet, field]) => [field, facet as Facet]));

/** Facets whose filter is an OR of values: their counts leave their own filter out. */
const DISJUNCTIVE: Facet[] = ['country', 'region', 'employer', 'seniority', 'remote', 'list'];

const RETRIEVED: (keyof ProfileDocument)[] = [
  'slug', 'name', 'headline', 'role', 'seniority', 'skills', 'country', 'region', 'city', 'remote', 'relocation',
  'work_authorization', 'former_employer', 'former_employer_name', 'lists', 'layoff_date', 'available_from',
  'years_experience', 'linkedin_url', 'confirmed_at',
];

type SearchSort = NonNullable<SearchQuery['sort']>;

const SORT: Record<SearchSort, string[] | undefined> = {
  relevance: undefined,
  layoff_desc: ['layoff_at:desc'],
  updated_desc: ['updated_at:desc'],
  confirmed_desc: ['confirmed_at:desc'],
};

const isDisjunctive = (facet: Facet, filters: SearchFilters) =>
  DISJUNCTIVE.includes(facet) && (filters[facet] as string[]).length > 0;

function toHit(d: ProfileDocument): SearchHit {
  return {
    slug: d.slug,
    name: d.name,
    headline: d.headline,
    role: d.role,
    seniority: d.seniority,
    skills: d.skills,
    country: d.country,
    region: d.region,
    city: d.city,
    remote: d.remote,
    relocation: d.relocation,
    workAuthorization: d.work_authorization,
    formerEmployer: d.former_employer ? { slug: d.former_employer, name: d.former_employer_name ?? d.former_employer } : null,
    lists: d.lists,
    layoffDate: d.layoff_date,
    availableFrom: d.available_from,
    yearsExperience: d.years_experience,
    linkedinUrl: d.linkedin_url,
    // A document indexed before confirmed_at existed has only updated_at, until a reindex.
    confirmedAt: new Date((d.confirmed_at ?? d.updated_at) * 1000).toISOString(),
  };
}

async function employerNames(db: Executor, slugs: string[]): Promise<Record<string, string>> {
  const rows = await db.selectFrom('employers').select(['slug', 'name']).where('slug', 'in', slugs).execute();
  return Object.fromEntries(rows.map((r) => [r.slug, r.name]));
}

async function listTitles(db: Executor, slugs: string[]): Promise<Record<string, string>> {
  const rows = await db.selectFrom('layoff_lists').select(['slug', 'title']).where('slug', 'in', slugs).execute();
  return Object.fromEntries(rows.map((r) => [r.slug, r.title]));
}

const TOP = 15;

/**
 * Recruiter search, read from Meilisearch with the search-only key: profiles with facet counts,
 * facet values for the filter boxes, an employer's talent. Employer names and list titles come
 * from Postgres, kept a few minutes in caches of its own.
 */
export class ProfileSearchService {
  private readonly labels = { employer: new LabelCache(), list: new LabelCache() };

  constructor(private readonly stores: SearchStores) {}

  /**
   * GET /api/search as `tier` may see it (search/tiers.ts): the answer serialized by `serialize` (the route's
   * response schema), with its entity tag. Identical searches of one tier share one answer until
   * the index changes.
   */
  async search(query: SearchQuery, tier: SearchTier, serialize: (result: SearchResult | AnonymousSearchResult) => string): Promise<Answer> {
    const filters = parseFilters(query);
    checkTierFilters(filters, tier);
    const page = query.page ?? 1;
    const hitsPerPage = query.hitsPerPage ?? 20;
    if ((page - 1) * hitsPerPage >= MAX_TOTAL_HITS) {
      throw httpErrors.badRequest(
        `querystring.page: only the first ${MAX_TOTAL_HITS.toLocaleString('en')} results can be paged through; narrow the search with filters instead`,
      );
    }
    const { hitsOnPage } = tierPaging(tier, page, hitsPerPage);
    const sort = query.sort ?? 'relevance';
    // Values of a comma list are matched as a set: their order does not change the answer.
    const normalized = Object.entries(filters).map(([name, value]) => [name, Array.isArray(value) ? [...value].sort() : value]);
    // `confirmedWithin` counts days back from now: its answer moves with the clock as well as with the index.
    const minute = filters.confirmedWithin === undefined ? 0 : Math.floor(Date.now() / 60_000);
    const key = JSON.stringify([tier, sort, page, hitsPerPage, normalized, minute]);
    return this.stores.answers.answer(key, async () => serialize(await this.result(filters, tier, sort, { page, hitsPerPage, hitsOnPage })));
  }

  /** The requests one search sends to Meilisearch, in one multi-search. */
  private searchQueries(filters: SearchFilters, tier: SearchTier, sort: SearchSort, page: number, hitsPerPage: number): MultiSearchQuery[] {
    const byFacet = tieredConditions(filters, tier);
    const base = { indexUid: this.stores.indexUid, q: filters.q };
    return [
      {
        ...base,
        filter: toFilter(conditionsWithout(byFacet)),
        facets: FACETS.filter((f) => !isDisjunctive(f, filters)).map((f) => FACET_FIELD[f]),
        page,
        hitsPerPage,
        sort: SORT[sort],
        attributesToRetrieve: RETRIEVED,
      },
      ...FACETS.filter((f) => isDisjunctive(f, filters)).map((f) => ({
        ...base,
        filter: toFilter(conditionsWithout(byFacet, f)),
        facets: [FACET_FIELD[f]],
        page: 1,
        hitsPerPage: 0,
      })),
    ];
  }

  private async result(
    filters: SearchFilters,
    tier: SearchTier,
    sort: SearchSort,
    { page, hitsPerPage, hitsOnPage }: { page: number; hitsPerPage: number; hitsOnPage: number },
  ): Promise<SearchResult | AnonymousSearchResult> {
    const queries = this.searchQueries(filters, tier, sort, page, hitsPerPage);
    const { results } = await meili(async () =>
      (await this.stores.searchClient()).multiSearch<{ queries: MultiSearchQuery[] }, ProfileDocument>({ queries }),
    );
    const main = results[0]!;
    const facets = Object.fromEntries(FACETS.map((f) => [f, {}])) as SearchResult['facets'];
    for (const result of results) {
      for (const [field, counts] of Object.entries(result.facetDistribution ?? {})) {
        const facet = FIELD_FACET[field];
        if (facet) facets[facet] = counts;
      }
    }
    return {
      hits: main.hits.slice(0, hitsOnPage).map((d) => hitForTier(toHit(d), tier)),
      total: main.totalHits ?? 0,
      page,
      hitsPerPage,
      totalPages: tierTotalPages(tier, main.totalPages ?? 0, hitsPerPage),
      facets,
      labels: await this.labelsFor(facets),
      processingTimeMs: Math.max(...results.map((r) => r.processingTimeMs)),
    };
  }

  /**
   * The saved searches' alerts: each query replayed as GET /api/search runs it, limited to people
   * confirmed since its `since` (Unix seconds), first page of `limit` hits in the search's own
   * order, all of them in one multi-search. A query that no longer parses gets `undefined`.
   */
  async newMatches(batch: { query: SearchQuery; since: number }[], limit: number): Promise<({ total: number; hits: SearchHit[] } | undefined)[]> {
    const queries = batch.map(({ query, since }) => {
      try {
        const filters = parseFilters({ ...query, since });
        return {
          indexUid: this.stores.indexUid,
          q: filters.q,
          // Alerts go to verified recruiters: they see what the recruiter tier sees.
          filter: toFilter(conditionsWithout(tieredConditions(filters, 'recruiter'))),
          sort: SORT[query.sort ?? 'relevance'],
          page: 1,
          hitsPerPage: limit,
          attributesToRetrieve: RETRIEVED,
        } satisfies MultiSearchQuery;
      } catch {
        return undefined;
      }
    });
    const valid = queries.filter((q) => q !== undefined);
    if (valid.length === 0) return queries.map(() => undefined);
    const { results } = await meili(async () =>
      (await this.stores.searchClient()).multiSearch<{ queries: MultiSearchQuery[] }, ProfileDocument>({ queries: valid }),
    );
    let next = 0;
    return queries.map((q) => {
      if (!q) return undefined;
      const result = results[next++]!;
      return { total: result.totalHits ?? 0, hits: result.hits.map(toHit) };
    });
  }

  /** GET /api/search/facets/:facet: values of one facet that start with `facetQuery`, counted within the current filters. */
  async facetValues(facet: Facet, query: Parameters<typeof parseFilters>[0] & { facetQuery?: string }, tier: SearchTier): Promise<FacetSearchResult> {
    const filters = parseFilters(query);
    checkTierFilters(filters, tier);
    const byFacet = tieredConditions(filters, tier);
    const conditions = DISJUNCTIVE.includes(facet) ? conditionsWithout(byFacet, facet) : conditionsWithout(byFacet);
    const { facetHits } = await meili(async () =>
      (await this.stores.searchClient()).index(this.stores.indexUid).searchForFacetValues({
        facetName: FACET_FIELD[facet],
        facetQuery: query.facetQuery ?? '',
        q: filters.q,
        filter: toFilter(conditions),
      }),
    );
    const named = await this.facetLabels(facet, facetHits.map((h) => h.value));
    return { facet, values: facetHits.map((h) => ({ value: h.value, label: named[h.value] ?? h.value, count: h.count })) };
  }

  /** GET /api/employers/:slug: an employer's published talent by skill and by country; 404 when no such employer. */
  async employerTalent(slug: string, tier: SearchTier): Promise<EmployerTalent> {
    const found = await this.stores.db.selectFrom('employers').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
    if (!found) throw httpErrors.notFound(`No employer "${slug}" on Lifeline.`);
    const { id, ...employer } = found;
    const { hired } = await this.stores.db
      .selectFrom('hires')
      .select((eb) => eb.fn.count<number>('profile_id').distinct().as('hired'))
      .where('employer_id', '=', id)
      .executeTakeFirstOrThrow();
    const result: SearchResponse<ProfileDocument> = await meili(async () =>
      (await this.stores.searchClient()).index(this.stores.indexUid).search<ProfileDocument>('', {
        filter: [eq('former_employer', slug), ...tierConditions(tier)],
        facets: ['skills', 'country'],
        hitsPerPage: 0,
        page: 1,
      }),
    );
    const top = (counts: Record<string, number> = {}, label: (value: string) => string = (v) => v): FacetValue[] =>
      Object.entries(counts)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, TOP)
        .map(([value, count]) => ({ value, label: label(value), count }));
    return {
      ...employer,
      total: result.totalHits ?? 0,
      hired: Number(hired),
      skills: top(result.facetDistribution?.skills),
      countries: top(result.facetDistribution?.country, countryName),
    };
  }

  /** Display names of the slugs and codes among the facet values. */
  private async labelsFor(facets: SearchResult['facets']): Promise<SearchResult['labels']> {
    const [employer, list, country] = await Promise.all(
      (['employer', 'list', 'country'] as const).map((facet) => this.facetLabels(facet, Object.keys(facets[facet]))),
    );
    return { employer: employer!, list: list!, country: country! };
  }

  /** value → display name, for the facets whose values are slugs or codes (the others: none). */
  private async facetLabels(facet: Facet, values: string[]): Promise<Record<string, string>> {
    if (values.length === 0) return {};
    if (facet === 'country') return Object.fromEntries(values.map((code) => [code, countryName(code)]));
    if (facet === 'employer') return this.labels.employer.get(values, (slugs) => employerNames(this.stores.db, slugs));
    if (facet === 'list') return this.labels.list.get(values, (slugs) => listTitles(this.stores.db, slugs));
    return {};
  }
}
