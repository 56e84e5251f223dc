import { Meilisearch } from 'meilisearch';
import { AnswerCache } from '../../search/answer-cache.js';
import type { ProfileDocument } from '../../search/profiles-index.js';
import { ProfileSearchService } from '../../search/query.js';
import type { SearchQuery, SearchTier } from '../../search/schemas.js';
import type { BenchStack } from './stack.js';
import type { LoadRequest } from './load.js';

/** One search of the mix: the API request and exactly what the API sends Meilisearch for it. */
export interface MixSearch {
  query: SearchQuery;
  api: LoadRequest;
  direct: LoadRequest;
  /** Meilisearch's total for it, to check the API's against. */
  total: number;
}

/** The query string of GET /api/search for a query. */
export function queryString(query: SearchQuery): string {
  return new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)])).toString();
}

type Counts = Record<string, number>;

/** The values of one facet, most frequent first. */
const ranked = (counts: Counts | undefined) => Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1]).map(([value]) => value);

/**
 * `size` recruiter searches drawn from what the index holds: full text on the words of real
 * roles, a must-have skill, a country, two skills, any of two skills, an employer, a list, a
 * region, seniority, remote, layoff dates, other sorts, and pages. Frequent values come more
 * often, as recruiters ask for them more. Anonymous visitors page at most to the 100th result;
 * recruiters page deeper and filter on what only they see.
 */
export async function drawSearches(meili: Meilisearch, indexUid: string, tier: SearchTier, size: number): Promise<SearchQuery[]> {
  const sample = await meili.index(indexUid).search<ProfileDocument>('', {
    hitsPerPage: 200,
    facets: ['skills', 'country', 'region', 'former_employer', 'lists', 'seniority', 'remote'],
    attributesToRetrieve: ['role', 'layoff_date'],
  });
  const f = sample.facetDistribution ?? {};
  const skills = ranked(f.skills);
  const countries = ranked(f.country);
  const regions = ranked(f.region);
  const employers = ranked(f.former_employer);
  const lists = ranked(f.lists);
  const seniorities = ranked(f.seniority);
  const remotes = ranked(f.remote);
  const words = [...new Set(sample.hits.flatMap((h) => (h.role ?? '').toLowerCase().split(/\W+/)).filter((w) => w.length >= 4))];
  const days = [...new Set(sample.hits.flatMap((h) => (h.layoff_date ? [h.layoff_date] : [])))].sort();
  if (skills.length < 3 || countries.length === 0 || words.length === 0) {
    throw new Error(`the index holds too little to draw searches from (${sample.hits.length} documents sampled)`);
  }
  // The n-th most frequent value, walking down the ranking as the mix goes on.
  const pick = (values: string[], n: number) => values[n % Math.max(1, values.length)];
  const deepest = tier === 'anonymous' ? 5 : 40;
  const kinds: ((n: number) => SearchQuery)[] = [
    (n) => ({ q: pick(words, n) }),
    (n) => ({ q: pick(words, n + 1), skills: pick(skills, n), country: pick(countries, n) }),
    (n) => ({ skills: pick(skills, n) }),
    (n) => ({ skills: `${pick(skills, n)},${pick(skills, n + 1)}` }),
    (n) => ({ anySkills: `${pick(skills, n + 2)},${pick(skills, n + 3)}`, country: pick(countries, n + 1) }),
    (n) => ({ employer: pick(employers, n) }),
    (n) => ({ country: pick(countries, n), seniority: pick(seniorities, n) }),
    (n) => ({ remote: pick(remotes, n), skills: pick(skills, n + 4) }),
    (n) => ({ list: pick(lists, n) }),
    (n) => ({ page: 2 + (n % (deepest - 1)) }),
    (n) => ({ q: pick(words, n + 2), sort: 'layoff_desc' }),
    (n) => ({ layoffFrom: pick(days, n * 7), country: pick(countries, n + 2) }),
    (n) => ({ region: pick(regions, n) }),
    (n) => ({ q: pick(words, n + 3), employer: pick(employers, n + 1), hitsPerPage: 50 }),
    (n) => ({}),
    ...(tier === 'recruiter'
      ? [
          (n: number) => ({ skills: pick(skills, n), workAuthorization: 'authorized' as const, yearsMin: 3 + (n % 5) }),
          (n: number) => ({ q: pick(words, n), page: 6 + (n % 30) }),
        ]
      : []),
  ];
  const searches = Array.from({ length: size }, (_, i) => kinds[i % kinds.length]!(Math.floor(i / kinds.length)));
  // Values that the index lacks (no region in a small index) leave a key undefined: drop it.
  return searches.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as SearchQuery);
}

/**
 * Each search as the API request and, captured from the search service itself (the code the
 * server runs), the multi-search request it sends Meilisearch: path and body byte for byte. The
 * capture goes through a service of its own, with an answer cache that never keeps anything.
 */
export async function captureSearches(stack: BenchStack, tier: SearchTier, queries: SearchQuery[]): Promise<MixSearch[]> {
  let captured: { url: string; body: string; total: number } | undefined;
  const recorder = new Meilisearch({
    host: stack.stores.meiliUrl,
    apiKey: stack.stores.meiliKey,
    httpClient: async (input, init) => {
      const res = await fetch(input, init);
      const json = (await res.json()) as { results?: { totalHits?: number }[] };
      if (!res.ok) throw new Error(`Meilisearch answered ${res.status} to ${String(input)}: ${JSON.stringify(json)}`);
      captured = { url: String(input), body: String(init?.body), total: json.results?.[0]?.totalHits ?? 0 };
      return json;
    },
  });
  const service = new ProfileSearchService({
    db: stack.db,
    searchClient: async () => recorder,
    indexUid: stack.indexUid,
    answers: new AnswerCache(stack.stores.databaseUrl),
  });
  const headers = { authorization: `Bearer ${stack.stores.meiliKey}`, 'content-type': 'application/json' };
  const mix: MixSearch[] = [];
  for (const query of queries) {
    captured = undefined;
    await service.search(query, tier, JSON.stringify);
    if (!captured) throw new Error(`searching ${queryString(query)} sent Meilisearch nothing`);
    const { url, body, total } = captured as { url: string; body: string; total: number };
    mix.push({
      query,
      api: { method: 'GET', path: `/api/search?${queryString(query)}` },
      direct: { method: 'POST', path: new URL(url).pathname, headers, body },
      total,
    });
  }
  return mix;
}
