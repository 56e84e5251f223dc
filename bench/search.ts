import autocannon from 'autocannon';
import { settled } from '../search/client.js';
import { slugify } from '../common/normalize/text.js';
import type { BenchContext } from './context.js';
import { generatePeople, seedLists } from '../tools/people/generate.js';
import { personDocument } from './lib/documents.js';
import { failed, type Figure } from './lib/report.js';

const P99_TARGET = 2;
const THROUGHPUT_TARGET = 0.5;
/** The facets the search API returns in every answer (issue 5): the direct query asks for the same. */
const FACETS = ['skills', 'country', 'region', 'former_employer', 'seniority', 'remote', 'lists'];

interface Query {
  name: string;
  /** Query string of GET /api/search. */
  api: string;
  /** The same search as a Meilisearch request body. */
  direct: Record<string, unknown>;
}

export const QUERIES: Query[] = [
  { name: 'text', api: 'q=engineer&hitsPerPage=20', direct: { q: 'engineer' } },
  {
    name: 'text + 3 filters',
    api: 'q=engineer&skills=Python&country=US&employer=google&hitsPerPage=20',
    direct: { q: 'engineer', filter: ['skills = "Python"', 'country = "US"', 'former_employer = "google"'] },
  },
  { name: 'facets only', api: 'hitsPerPage=20', direct: { q: '' } },
].map((q) => ({ ...q, direct: { ...q.direct, page: 1, hitsPerPage: 20, facets: FACETS } }));

interface Load {
  p50: number;
  p99: number;
  rps: number;
}

/**
 * The API's search beside the same search sent straight to Meilisearch, under autocannon at the
 * same concurrency, run alternately (baseline, API, baseline, API…) so that neither gets the
 * machine's quieter moments.
 */
export async function searchFigures(ctx: BenchContext): Promise<Figure[]> {
  const { duration, connections, rounds } = ctx.options;
  const { meili, indexUid, stores, server } = ctx.stack;
  const direct = {
    url: `${stores.meiliUrl}/indexes/${indexUid}/search`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${stores.meiliKey}`, 'content-type': 'application/json' },
  };
  const stats = await meili.index(indexUid).getStats();
  ctx.say(`Search: ${stats.numberOfDocuments} documents, ${connections} connections, ${duration} s per run, ${rounds} rounds`);

  const figures: Figure[] = [];
  for (const query of QUERIES) {
    const body = JSON.stringify(query.direct);
    const apiUrl = `${server.url}/api/search?${query.api}`;
    let apiProblem: unknown;
    const sample = await ctx.anonymous.search(query.api).catch((err: unknown) => {
      apiProblem = err;
      return undefined;
    });
    const directSample = (await (await fetch(direct.url, { ...direct, body })).json()) as { totalHits?: number };
    // Warm both paths (JIT, caches, connection pools) before measuring.
    await run({ ...direct, body }, 1, connections);
    if (!apiProblem) await run({ url: apiUrl }, 1, connections);

    const baseline: Load[] = [];
    const api: Load[] = [];
    for (let round = 0; round < rounds; round++) {
      baseline.push(await run({ ...direct, body }, duration, connections));
      if (!apiProblem) {
        try {
          api.push(await run({ url: apiUrl }, duration, connections));
        } catch (err) {
          apiProblem = err;
        }
      }
    }
    const b = mean(baseline);
    const a = api.length > 0 ? mean(api) : undefined;
    const totals = `${sample ? `API total ${sample.total}, ` : ''}Meilisearch total ${directSample.totalHits}`;
    const shown = (l: Load) => `p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, ${l.rps.toFixed(0)} req/s`;
    ctx.say(`  ${query.name}: Meilisearch ${shown(b)}; API ${a ? shown(a) : 'unavailable'} (${totals})`);
    const rows: [string, keyof Load, string, string | undefined, ((r: number) => boolean) | undefined][] = [
      [`search "${query.name}": p50`, 'p50', 'ms', undefined, undefined],
      [`search "${query.name}": p99`, 'p99', 'ms', `≤ ${P99_TARGET}× direct`, (r) => r <= P99_TARGET],
      [`search "${query.name}": throughput`, 'rps', 'req/s', `≥ ${THROUGHPUT_TARGET}× direct`, (r) => r >= THROUGHPUT_TARGET],
    ];
    for (const [name, key, unit, target, meets] of rows) {
      const figure: Figure = a
        ? { name, unit, value: a[key], target, pass: meets?.(a[key] / b[key]), note: key === 'p50' ? totals : undefined }
        : failed(name, unit, apiProblem ?? new Error('no API run'), target);
      figures.push({ ...figure, baseline: b[key], baselineLabel: 'Meilisearch' });
    }
  }
  return figures;
}

async function run(target: { url: string; method?: 'POST'; headers?: Record<string, string>; body?: string }, duration: number, connections: number): Promise<Load> {
  const result = await autocannon({ ...target, duration, connections });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) {
    throw new Error(`${target.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts in ${result.requests.total} requests`);
  }
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

function mean(loads: Load[]): Load {
  const avg = (key: keyof Load) => loads.reduce((sum, l) => sum + l[key], 0) / loads.length;
  return { p50: avg('p50'), p99: avg('p99'), rps: avg('rps') };
}

/**
 * Without the import API, fills Meilisearch with the same generated people as search documents,
 * so that the direct baseline can still be measured on a realistic index.
 */
export async function indexDirectly(ctx: BenchContext): Promise<void> {
  const { meili, indexUid } = ctx.stack;
  const { profiles, seed } = ctx.options;
  const lists = seedLists({ profiles, seed }).map((l) => slugify(l.title));
  ctx.say(`Indexing ${profiles} generated documents straight into Meilisearch (no import API)`);
  let batch = [];
  for (const person of generatePeople({ profiles, seed })) {
    batch.push(personDocument(person, person.index + 1, person.lists.map((i) => lists[i]!)));
    if (batch.length === 10_000) {
      await settled(meili.index(indexUid).addDocuments(batch), 600_000);
      batch = [];
    }
  }
  if (batch.length > 0) await settled(meili.index(indexUid).addDocuments(batch), 600_000);
}
