import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { settled } from '../search/client.js';
import { enqueue } from '../db/outbox.js';
import { announceIndexChange } from '../search/index-changes.js';
import { slugify } from '../common/normalize/text.js';
import type { SearchTier } from '../search/schemas.js';
import type { BenchContext } from './context.js';
import { generatePeople, seedLists } from '../tools/people/generate.js';
import { personDocument } from './lib/documents.js';
import { profileDocuments } from '../search/documents.js';
import { runLoad, type Load, type LoadRequest } from './lib/load.js';
import { failed, type Figure } from './lib/report.js';
import { createUser } from '../server/services/users.js';
import { captureSearches, drawSearches, queryString, type MixSearch } from './lib/search-mix.js';
import { percentile, spread } from './lib/stats.js';

const THROUGHPUT_TARGET = 1;
const P99_TARGET = 1.2;
const FRESH_P95_TARGET_MS = 1_000;
/** When Meilisearch alone needs more than FRESH_P95_TARGET_MS to show a change, the API may take this much longer. */
const FRESH_FLOOR_RATIO = 1.2;
/** Searches in each tier's mix (issue #20: at least 40). */
const MIX_SIZE = 48;
/** How often the index "changes" (every process drops its answers) in the churn runs. */
const CHURN_EVERY_MS = 100;
/** Commits timed from Postgres to the API's answer, and as many changes timed in Meilisearch alone. */
const FRESHNESS_SAMPLES = 40;

/** A few searches of every kind, for sections that search while they measure something else (reindex). */
export const SAMPLE_SEARCHES = ['q=engineer', 'q=engineer&skills=Python&country=US', '', 'skills=Python,SQL&page=2'];

/**
 * The API's search beside exactly the same multi-searches sent straight to Meilisearch: a mix of
 * recruiter searches drawn from the index, each side loaded in turn (Meilisearch, API,
 * Meilisearch, API…) by a load generator in its own process, the best round of each side kept.
 * Then how soon a committed change shows in the API's answers.
 */
export async function searchFigures(ctx: BenchContext): Promise<Figure[]> {
  const { duration, connections, rounds } = ctx.options;
  const { meili, indexUid } = ctx.stack;
  const stats = await meili.index(indexUid).getStats();
  ctx.say(`Search: ${stats.numberOfDocuments} documents, mixes of ${MIX_SIZE} searches, ${ctx.options.load} with ${connections} connections, ${duration} s per run, ${rounds} rounds`);
  const figures: Figure[] = [];
  for (const tier of ['anonymous', 'recruiter'] as const) figures.push(...(await mixFigures(ctx, tier)));
  figures.push(...(await freshnessFigures(ctx)));
  return figures;
}

async function mixFigures(ctx: BenchContext, tier: SearchTier): Promise<Figure[]> {
  const { duration, connections, rounds, load: generator } = ctx.options;
  const label = `search mix, ${tier} (${MIX_SIZE} searches)`;
  const names = { rps: `${label}: throughput`, p99: `${label}: p99`, p50: `${label}: p50` };
  const churnLabel = `${label}, index changing every ${CHURN_EVERY_MS} ms`;
  const targets = { rps: `≥ ${THROUGHPUT_TARGET}× direct`, p99: `≤ ${P99_TARGET}× direct` };
  const mix = await captureSearches(ctx.stack, tier, await drawSearches(ctx.stack.meili, ctx.stack.indexUid, tier, MIX_SIZE));
  const run = (requests: LoadRequest[], origin: string, seconds: number) => runLoad({ generator, origin, requests, seconds, connections });
  const direct = () => run(mix.map((s) => s.direct), ctx.stack.stores.meiliUrl, duration);
  // A recruiter's searches ride a verified recruiter's session, as the web app sends them.
  const headers = tier === 'recruiter' ? await recruiterSession(ctx) : {};
  const apiRequests = mix.map((s) => ({ ...s.api, headers }));
  const viaApi = () => run(apiRequests, ctx.stack.server.url, duration);
  let apiProblem: unknown = await checkTotals(ctx, mix, headers);

  // Warm both paths (JIT, connection pools, the answer cache) before measuring.
  await run(mix.map((s) => s.direct), ctx.stack.stores.meiliUrl, 1);
  if (!apiProblem) await run(apiRequests, ctx.stack.server.url, 1).catch((err: unknown) => (apiProblem = err));
  const baseline: Load[] = [];
  const api: Load[] = [];
  const churned: Load[] = [];
  for (let round = 0; round < rounds; round++) {
    baseline.push(await direct());
    if (!apiProblem) {
      try {
        api.push(await viaApi());
        churned.push(await whileIndexChanges(ctx, viaApi));
      } catch (err) {
        apiProblem = err;
      }
    }
  }
  const b = best(baseline);
  const shown = (l: Load) => `p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms, ${l.rps.toFixed(0)} req/s`;
  const loadSpread = (loads: Load[], key: keyof Load, digits: number) => spread(loads.map((l) => l[key]), digits);
  const a = api.length > 0 ? best(api) : undefined;
  ctx.say(`  ${tier}: Meilisearch ${shown(b)}; API ${a ? shown(a) : 'unavailable'}`);
  const note = (key: keyof Load, digits: number) =>
    `best of ${rounds} rounds; spread: API ${a ? loadSpread(api, key, digits) : '—'}, Meilisearch ${loadSpread(baseline, key, digits)}; ${generator}, ${connections} connections`;
  const rows: [keyof typeof names, keyof Load, string, ((r: number) => boolean) | undefined, number][] = [
    ['rps', 'rps', 'req/s', (r) => r >= THROUGHPUT_TARGET, 0],
    ['p99', 'p99', 'ms', (r) => r <= P99_TARGET, 2],
    ['p50', 'p50', 'ms', undefined, 2],
  ];
  const c = churned.length > 0 ? best(churned) : undefined;
  if (c) ctx.say(`  ${tier}, index changing every ${CHURN_EVERY_MS} ms: API ${shown(c)}`);
  const churn: Figure[] = c
    ? (['rps', 'p99'] as const).map((key) => ({
        name: `${churnLabel}: ${key === 'rps' ? 'throughput' : 'p99'}`, unit: key === 'rps' ? 'req/s' : 'ms', value: c[key],
        baseline: b[key], baselineLabel: 'Meilisearch',
        note: `every process drops its answers ${1000 / CHURN_EVERY_MS} times a second, as a stream of edits would make it: most answers are computed; spread ${loadSpread(churned, key, key === 'rps' ? 0 : 2)}`,
      }))
    : [];
  return [...rows.map(([name, key, unit, meets, digits]): Figure => {
    const target = name === 'p50' ? undefined : targets[name];
    const common = { baseline: b[key], baselineLabel: 'Meilisearch' };
    if (!a) return { ...failed(names[name], unit, apiProblem ?? new Error('no API run'), target), ...common };
    return { name: names[name], unit, value: a[key], target, pass: meets?.(a[key] / b[key]), note: note(key, digits), ...common };
  }), ...churn];
}

/** Runs `load` while the index "changes" every CHURN_EVERY_MS: each announcement drops every kept answer. */
async function whileIndexChanges(ctx: BenchContext, load: () => Promise<Load>): Promise<Load> {
  const timer = setInterval(() => void announceIndexChange(ctx.stack.db).catch(() => undefined), CHURN_EVERY_MS);
  try {
    return await load();
  } finally {
    clearInterval(timer);
  }
}

/** The best round of a side: the most throughput, the lowest latencies. */
function best(loads: Load[]): Load {
  return {
    rps: Math.max(...loads.map((l) => l.rps)),
    p50: Math.min(...loads.map((l) => l.p50)),
    p99: Math.min(...loads.map((l) => l.p99)),
    requests: Math.max(...loads.map((l) => l.requests)),
  };
}

/** The API must find what Meilisearch finds for each search of the mix; otherwise the comparison means nothing. */
/** A verified recruiter's session cookie on the bench's server. */
async function recruiterSession(ctx: BenchContext): Promise<Record<string, string>> {
  const email = `bench-recruiter-${randomBytes(4).toString('hex')}@bench-hiring.example`;
  const password = randomBytes(16).toString('base64url');
  await createUser(ctx.stack.db, { email, role: 'recruiter', name: 'Bench Recruiter', company: 'Bench Hiring', password, recruiterState: 'verified' });
  const res = await fetch(`${ctx.stack.server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`signing the bench's recruiter in failed: ${res.status} ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

async function checkTotals(ctx: BenchContext, mix: MixSearch[], headers: Record<string, string>): Promise<Error | undefined> {
  try {
    const wrong: string[] = [];
    for (const search of mix) {
      const res = await fetch(`${ctx.stack.server.url}/api/search?${queryString(search.query)}`, { headers });
      if (!res.ok) throw new Error(`GET /api/search?${queryString(search.query)}: ${res.status} ${await res.text()}`);
      const { total } = (await res.json()) as { total: number };
      if (total !== search.total) wrong.push(`${queryString(search.query)}: API ${total}, Meilisearch ${search.total}`);
    }
    return wrong.length > 0 ? new Error(`the API and Meilisearch disagree on ${wrong.length} searches: ${wrong.slice(0, 3).join('; ')}`) : undefined;
  } catch (err) {
    return err as Error;
  }
}

/**
 * Commit → the API answers with the change, with the answer cached beforehand: a profile's
 * name gets a word no one has; the search for that word, answered (and kept) before the
 * commit, is asked again every 5 ms until it finds the profile. Beside it, alternately, the
 * floor: Meilisearch alone given the same kind of change (another profile's document with a new
 * word) and searched every 5 ms until it finds it. Those documents are queued for the sync
 * afterwards, which puts back what Postgres holds.
 */
async function freshnessFigures(ctx: BenchContext): Promise<Figure[]> {
  const name = `commit → API answer shows it, p95 (n=${FRESHNESS_SAMPLES})`;
  const target = `≤ ${FRESH_P95_TARGET_MS} ms, or ≤ ${FRESH_FLOOR_RATIO}× Meilisearch alone`;
  try {
    const { db, meili, indexUid } = ctx.stack;
    const rows = await db.selectFrom('profiles').select(['id', 'name']).where('status', '=', 'published').orderBy('id').limit(2 * FRESHNESS_SAMPLES).execute();
    if (rows.length < 2 * FRESHNESS_SAMPLES) throw new Error(`only ${rows.length} published profiles to change`);
    const viaApi = rows.slice(0, FRESHNESS_SAMPLES);
    const direct = await profileDocuments(db).where('p.id', 'in', rows.slice(FRESHNESS_SAMPLES).map((r) => r.id)).execute();
    if (direct.length < FRESHNESS_SAMPLES) throw new Error(`only ${direct.length} profiles to change in Meilisearch alone`);
    const apiDelays: number[] = [];
    const directDelays: number[] = [];
    try {
      for (const [i, row] of viaApi.entries()) {
        apiDelays.push(await apiFreshness(ctx, row));
        const profile = direct[i]!;
        const word = unusedWord();
        const started = performance.now();
        await meili.index(indexUid).addDocuments([{ ...profile, name: `${profile.name} ${word}` }]);
        directDelays.push(await until(started, async () => (await meili.index(indexUid).search(word, { limit: 1 })).hits.length > 0));
      }
    } finally {
      await enqueue(db, direct.map((p) => p.id));
    }
    const p95 = percentile(apiDelays, 95);
    const floor = percentile(directDelays, 95);
    ctx.say(`  commit → fresh answer: p50 ${percentile(apiDelays, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; Meilisearch alone p50 ${percentile(directDelays, 50).toFixed(0)} ms, p95 ${floor.toFixed(0)} ms`);
    return [{
      name, unit: 'ms', value: p95, baseline: floor, baselineLabel: 'Meilisearch alone', target,
      pass: p95 <= FRESH_P95_TARGET_MS || p95 <= FRESH_FLOOR_RATIO * floor,
      note: `p50 ${percentile(apiDelays, 50).toFixed(0)} ms (Meilisearch alone ${percentile(directDelays, 50).toFixed(0)} ms), spread ${spread(apiDelays)} ms (alone ${spread(directDelays)} ms); the search was answered (and its answer kept) just before each commit; Meilisearch alone: a document with a new word added straight to the index, its search asked every 5 ms, alternately with the API`,
    }];
  } catch (err) {
    return [failed(name, 'ms', err, target)];
  }
}

/** One sample through the API: commit a new word into a profile's name, then search it until found. */
async function apiFreshness(ctx: BenchContext, row: { id: number; name: string }): Promise<number> {
  const word = unusedWord();
  const query = `q=${word}`;
  if ((await ctx.anonymous.search(query)).total !== 0) throw new Error(`"${word}" already matches a profile`);
  await ctx.stack.db.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ name: `${row.name} ${word}`, updated_at: sql`clock_timestamp()` }).where('id', '=', row.id).execute();
    await enqueue(trx, row.id);
  });
  return until(performance.now(), async () => (await ctx.anonymous.search(query)).total > 0);
}

/** Random, so that no two words are within Meilisearch's typo tolerance or prefixes of each other. */
const unusedWord = () => `q${randomBytes(8).toString('hex')}`;

/** Milliseconds from `started` until `found` says yes, asked every 5 ms; gives up after 10 s. */
async function until(started: number, found: () => Promise<boolean>): Promise<number> {
  while (!(await found())) {
    if (performance.now() - started > 10_000) throw new Error('a change did not show within 10 s');
    await sleep(5);
  }
  return performance.now() - started;
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
